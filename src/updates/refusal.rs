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
            let flat = permissions.and_then(|p| p.update_line_items.as_ref());
            let nested = grouped.and_then(|g| g.line_items.as_ref());
            server_only("update_line_items", flat)?;
            server_only("update[line_items]", nested)?;
            // Generally available line-item updates are for Elements pages; an embedded page
            // takes them only in the beta that gives it the permission.
            if flat.or(nested).is_none() {
                refuse_ui(session, &[UiMode::EmbeddedPage])?;
            }
            Ok(())
        }
        Part::ShippingDetails => {
            mode(session, SessionMode::Payment)?;
            // Stripe sets collected shipping details on Elements and embedded pages only.
            refuse_ui(session, &[UiMode::HostedPage, UiMode::Form])?;
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
            // Elements pages only.
            refuse_ui(
                session,
                &[UiMode::HostedPage, UiMode::EmbeddedPage, UiMode::Form],
            )
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
    refuse_ui(session, &[UiMode::HostedPage])
}

/// Refuses a session whose UI mode is one of `refused` (compared by value, so a former name
/// is its new name); a UI mode Stripe adds later is left to Stripe.
fn refuse_ui(session: &CheckoutSession, refused: &[UiMode]) -> Result<(), NotAllowed> {
    match &session.ui_mode {
        Some(ui_mode) if refused.contains(ui_mode) => Err(NotAllowed::UiMode {
            ui_mode: ui_mode.clone(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn session(mode: &str, ui_mode: &str, permissions: serde_json::Value) -> CheckoutSession {
        serde_json::from_value(json!({
            "id": "cs_test_1", "object": "checkout.session", "mode": mode, "ui_mode": ui_mode,
            "permissions": permissions,
        }))
        .unwrap()
    }

    fn payment() -> CheckoutSession {
        session("payment", "elements", json!({}))
    }

    #[test]
    fn each_part_needs_its_mode() {
        let subscription = session("subscription", "custom", json!({}));
        for part in [
            Part::ShippingDetails,
            Part::ShippingOptions,
            Part::PaymentIntentData,
        ] {
            assert_eq!(check(part, &payment()), Ok(()), "{part}");
            assert_eq!(
                check(part, &subscription),
                Err(NotAllowed::Mode {
                    mode: SessionMode::Subscription,
                    needs: SessionMode::Payment
                }),
                "{part}"
            );
        }
        assert_eq!(check(Part::Trial, &subscription), Ok(()));
        assert_eq!(
            check(Part::Trial, &payment()),
            Err(NotAllowed::Mode {
                mode: SessionMode::Payment,
                needs: SessionMode::Subscription
            })
        );
        // A mode Stripe did not send is left to Stripe.
        let unknown: CheckoutSession =
            serde_json::from_value(json!({"id": "cs_test_1", "object": "checkout.session"}))
                .unwrap();
        for part in Part::ALL {
            assert_eq!(check(part, &unknown), Ok(()), "{part}");
        }
    }

    #[test]
    fn the_hosted_page_takes_no_cart_or_shipping_update_and_payment_settings_need_elements() {
        let hosted = session("payment", "hosted_page", json!({}));
        let refused = Err(NotAllowed::UiMode {
            ui_mode: UiMode::HostedPage,
        });
        for part in [
            Part::LineItems,
            Part::ShippingDetails,
            Part::ShippingOptions,
        ] {
            assert_eq!(check(part, &hosted), refused, "{part}");
        }
        assert_eq!(check(Part::Discounts, &hosted), Ok(()));
        let embedded = session("payment", "embedded", json!({}));
        assert_eq!(
            check(Part::LineItems, &embedded),
            Err(NotAllowed::UiMode {
                ui_mode: UiMode::EmbeddedPage
            })
        );
        let beta = session(
            "payment",
            "embedded",
            json!({"update": {"line_items": "server_only"}}),
        );
        assert_eq!(check(Part::LineItems, &beta), Ok(()));
        let flat = session(
            "payment",
            "embedded_page",
            json!({"update_line_items": "server_only"}),
        );
        assert_eq!(check(Part::LineItems, &flat), Ok(()));
        assert_eq!(check(Part::ShippingOptions, &embedded), Ok(()));
        assert_eq!(check(Part::ShippingDetails, &embedded), Ok(()));
        let form = session("payment", "form", json!({}));
        assert_eq!(
            check(Part::ShippingDetails, &form),
            Err(NotAllowed::UiMode {
                ui_mode: UiMode::Form
            })
        );
        assert_eq!(check(Part::ShippingOptions, &form), Ok(()));
        assert!(check(Part::PaymentIntentData, &form).is_err());
        // A UI mode Stripe adds later is left to Stripe.
        let later = session("payment", "hologram", json!({}));
        for part in Part::ALL {
            if part != Part::Trial {
                assert_eq!(check(part, &later), Ok(()), "{part}");
            }
        }
        assert_eq!(
            check(Part::PaymentIntentData, &embedded),
            Err(NotAllowed::UiMode {
                ui_mode: UiMode::EmbeddedPage
            })
        );
        assert_eq!(check(Part::PaymentIntentData, &hosted), refused);
    }

    #[test]
    fn a_permission_the_session_states_must_be_server_only_flat_or_grouped() {
        let with = |permissions| session("payment", "elements", permissions);
        let client = |permission| {
            Err(NotAllowed::Permission {
                permission,
                owner: PermissionOwner::ClientOnly,
            })
        };
        for (part, flat, grouped) in [
            (
                Part::LineItems,
                "update_line_items",
                Some(("line_items", "update[line_items]")),
            ),
            (
                Part::ShippingDetails,
                "update_shipping_details",
                Some(("shipping_details", "update[shipping_details]")),
            ),
            (Part::Discounts, "update_discounts", None),
        ] {
            assert_eq!(check(part, &with(json!({flat: "server_only"}))), Ok(()));
            assert_eq!(
                check(part, &with(json!({flat: "client_only"}))),
                client(flat)
            );
            if let Some((field, named)) = grouped {
                let nested = json!({"update": {field: "client_only"}});
                assert_eq!(check(part, &with(nested)), client(named));
                let nested = json!({"update": {field: "server_only"}});
                assert_eq!(check(part, &with(nested)), Ok(()));
            }
        }
        // Shipping options need no permission of their own.
        let options = with(json!({"update_shipping_details": "client_only"}));
        assert_eq!(check(Part::ShippingOptions, &options), Ok(()));
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let shown = [
            NotAllowed::Permission {
                permission: "update_discounts",
                owner: PermissionOwner::ClientOnly,
            }
            .to_string(),
            NotAllowed::Mode {
                mode: SessionMode::Payment,
                needs: SessionMode::Subscription,
            }
            .to_string(),
            NotAllowed::UiMode {
                ui_mode: UiMode::HostedPage,
            }
            .to_string(),
            NotAllowed::EmptyCart.to_string(),
        ];
        assert_eq!(
            shown,
            [
                "the session's `permissions[update_discounts]` is `client_only`, not `server_only`",
                "the session is in `payment` mode, this needs `subscription` mode",
                "a session with `ui_mode=hosted_page` does not take this update",
                "the cart would have no line items",
            ]
        );
    }
}
