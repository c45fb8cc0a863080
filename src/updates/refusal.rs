//! [`NotAllowed`]: why a session does not let the server change a part, decided from the
//! retrieved session before anything is sent — its permissions, its mode, its UI.
//!
//! The rules come from Stripe's guides for each member of the family (see the module page);
//! the API version's own limits are checked when the update is sent, by the version gates of
//! [`UpdateSession`](crate::checkout::UpdateSession).

use std::fmt;

use super::Part;
use crate::checkout::{CheckoutSession, PermissionOwner, SessionMode, UiMode};

/// Why the session does not let your server change a part.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotAllowed {
    /// The session's permission leaves this part to the page: create the session with the
    /// permission set to `server_only`.
    Permission {
        /// The permission, e.g. `update_shipping_details`.
        permission: &'static str,
        /// Who the session says may change the part.
        owner: PermissionOwner,
    },
    /// The part exists in another mode only (shipping in payment mode, trials in subscription
    /// mode).
    Mode {
        /// The session's mode.
        mode: SessionMode,
        /// The mode the part needs.
        needs: SessionMode,
    },
    /// The session's page does not take server updates of this part (Stripe's hosted page
    /// takes none; payment settings need an Elements page).
    UiMode {
        /// The session's UI mode.
        ui_mode: UiMode,
    },
    /// The cart would be empty: Stripe replaces the line items as a whole and a session
    /// keeps at least one.
    EmptyCart,
}

impl fmt::Display for NotAllowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotAllowed::Permission { permission, owner } => write!(
                f,
                "the session's `permissions[{permission}]` is `{owner}`, not `server_only`"
            ),
            NotAllowed::Mode { mode, needs } => {
                write!(
                    f,
                    "the session is in `{mode}` mode, this needs `{needs}` mode"
                )
            }
            NotAllowed::UiMode { ui_mode } => {
                write!(
                    f,
                    "a session with `ui_mode={ui_mode}` does not take this update"
                )
            }
            NotAllowed::EmptyCart => f.write_str("the cart would have no line items"),
        }
    }
}

/// Whether `session` lets the server change `part`; the first reason it does not.
pub(crate) fn check(part: Part, session: &CheckoutSession) -> Result<(), NotAllowed> {
    let permissions = session.permissions.as_ref();
    let grouped = permissions.and_then(|p| p.update.as_ref());
    match part {
        Part::Discounts => server_only(
            "update_discounts",
            permissions.and_then(|p| p.update_discounts.as_ref()),
        ),
        Part::LineItems => {
            not_hosted(session)?;
            server_only(
                "update_line_items",
                permissions.and_then(|p| p.update_line_items.as_ref()),
            )?;
            server_only(
                "update[line_items]",
                grouped.and_then(|g| g.line_items.as_ref()),
            )
        }
        Part::ShippingDetails => {
            mode(session, SessionMode::Payment)?;
            not_hosted(session)?;
            server_only(
                "update_shipping_details",
                permissions.and_then(|p| p.update_shipping_details.as_ref()),
            )?;
            server_only(
                "update[shipping_details]",
                grouped.and_then(|g| g.shipping_details.as_ref()),
            )
        }
        Part::ShippingOptions => {
            mode(session, SessionMode::Payment)?;
            not_hosted(session)
        }
        Part::Trial => mode(session, SessionMode::Subscription),
        Part::PaymentIntentData => {
            mode(session, SessionMode::Payment)?;
            match &session.ui_mode {
                Some(ui_mode) if *ui_mode != UiMode::Elements => Err(NotAllowed::UiMode {
                    ui_mode: ui_mode.clone(),
                }),
                _ => Ok(()),
            }
        }
    }
}

/// A permission the session states must be `server_only`; one it does not state (a version
/// that does not show it) is left to Stripe.
fn server_only(
    permission: &'static str,
    owner: Option<&PermissionOwner>,
) -> Result<(), NotAllowed> {
    match owner {
        Some(owner) if *owner != PermissionOwner::ServerOnly => Err(NotAllowed::Permission {
            permission,
            owner: owner.clone(),
        }),
        _ => Ok(()),
    }
}

fn mode(session: &CheckoutSession, needs: SessionMode) -> Result<(), NotAllowed> {
    match &session.mode {
        Some(mode) if *mode != needs => Err(NotAllowed::Mode {
            mode: mode.clone(),
            needs,
        }),
        _ => Ok(()),
    }
}

fn not_hosted(session: &CheckoutSession) -> Result<(), NotAllowed> {
    match &session.ui_mode {
        Some(ui_mode) if *ui_mode == UiMode::HostedPage => Err(NotAllowed::UiMode {
            ui_mode: ui_mode.clone(),
        }),
        _ => Ok(()),
    }
}
