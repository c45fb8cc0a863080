//! Which server updates a session takes: for each member of Stripe's dynamic-updates family
//! (line items, shipping options, shipping details, trials, payment intent data, discounts)
//! the session mode, `ui_mode` and permission it needs, and the trial's own bounds. Each rule
//! cites its fact: a Stripe guide ("Dynamically update line items", "… shipping options",
//! "… trials", "… discounts"), a changelog entry, or a comment of the official SDK types.
//!
//! Whether the request's API version has a param at all is not decided here: the facts of the
//! version do it (a param its SDK does not type is refused as unknown before the update
//! runs). What an allowed update then does to the session is `session_endpoints`'.
//!
//! Stripe does not document the error it answers for a refused server update (neither the
//! guides nor the API reference give its code or message): every refusal here is a 400
//! `invalid_request_error` naming the param, with a message of the emulator's own.

use serde_json::Value;

use crate::api_shape::Shape;
use crate::error_answer::ErrorAnswer;
use crate::input::{Permissions, UpdateSession};
use crate::session_state::StoredSession;

/// The earliest `subscription_data[trial_end]` an update takes, from now: "at least 48 hours
/// in the future" (the preview SDK's comment on the param).
const MIN_TRIAL_END: i64 = 48 * 60 * 60;

/// Checks that `session` takes every server update `p` asks for, on `shape`'s version, at
/// `now`.
pub(crate) fn check(
    shape: &Shape,
    session: &StoredSession,
    p: &UpdateSession,
    now: i64,
) -> Result<(), ErrorAnswer> {
    let gate = Gate { shape, session };
    // The preview's discounts need their permission (the discounts guide:
    // `permissions[update_discounts]=server_only` turns off the client's discount handling).
    if p.discounts.is_some() {
        gate.permission("discounts", "update_discounts", |p| {
            p.update_discounts.as_ref()
        })?;
    }
    if !p.line_items.is_empty() {
        if shape.line_items_need_permission() {
            // The preview generation: only a session created with
            // `permissions[update_line_items]=server_only` (or the older grouped
            // `permissions[update][line_items]`) takes them (the preview SDK's comment).
            gate.permission("line_items", "update_line_items", |p| {
                p.update_line_items.as_ref()
            })?;
            // "Not supported on the hosted page" (the line-items guide, either generation).
            gate.not_hosted("line_items")?;
        } else {
            // Generally available from 2025-12-15.clover for "custom UI" sessions (the
            // changelog), which dahlia renamed `ui_mode=elements`.
            gate.ui_modes("line_items", &["elements"])?;
        }
    }
    if p.shipping_options.is_some() {
        // "Shipping rates are not available in subscription mode" (the shipping guide), and
        // dynamic shipping is not supported on the hosted page.
        gate.mode("shipping_options", "payment")?;
        gate.not_hosted("shipping_options")?;
    }
    if p.collected_information.is_some() {
        gate.mode("collected_information", "payment")?;
        // "Can only be set when updating `embedded_page` or `elements` sessions" (the SDK's
        // comment; `embedded` or `custom` before dahlia).
        gate.ui_modes("collected_information", &["elements", "embedded_page"])?;
        // With `client_only` (the default) the client changes the shipping details; only
        // `server_only` hands them to Update Checkout Session (basil changelog).
        gate.permission("collected_information", "update_shipping_details", |p| {
            p.update_shipping_details.as_ref()
        })?;
    }
    if let Some(data) = &p.subscription_data {
        // "For Checkout Sessions in `subscription` mode" (the preview SDK's comment).
        gate.mode("subscription_data", "subscription")?;
        check_trial(data, now)?;
    }
    if p.payment_intent_data.is_some() {
        // "You can only update these parameters when `ui_mode` is `elements`", for sessions in
        // `payment` mode (stripe@23.1.0's comment; endive 2026-09-30 changelog).
        gate.mode("payment_intent_data", "payment")?;
        gate.ui_modes("payment_intent_data", &["elements"])?;
    }
    Ok(())
}

/// A trial is `trial_end` or `trial_period_days`, not both (the trials guide: update "with
/// either"), and ends at least 48 hours from now. `trial_period_days` is at least 1, a bound
/// `rules` checks with the other scalars.
fn check_trial(data: &Value, now: i64) -> Result<(), ErrorAnswer> {
    let days = data.get("trial_period_days").filter(|v| *v != "");
    let end = data.get("trial_end").and_then(Value::as_i64);
    if days.is_some() && end.is_some() {
        return Err(ErrorAnswer::state(
            Some("subscription_data[trial_period_days]"),
            "You may only specify one of these parameters: trial_end, trial_period_days.",
        ));
    }
    if let Some(end) = end {
        if end < now.saturating_add(MIN_TRIAL_END) {
            return Err(ErrorAnswer::invalid(
                "subscription_data[trial_end]",
                "`trial_end` must be at least 48 hours in the future.",
            ));
        }
    }
    Ok(())
}

/// The session and version an update is checked against.
struct Gate<'a> {
    shape: &'a Shape,
    session: &'a StoredSession,
}

impl Gate<'_> {
    fn permission(
        &self,
        param: &str,
        permission: &str,
        pick: impl Fn(&Permissions) -> Option<&String>,
    ) -> Result<(), ErrorAnswer> {
        if self.session.permission_is_server_only(pick) {
            return Ok(());
        }
        Err(ErrorAnswer::state(
            Some(param),
            format!(
                "You can only update `{param}` on a Checkout Session created with \
                 `permissions[{permission}]=server_only`."
            ),
        ))
    }

    fn mode(&self, param: &str, mode: &str) -> Result<(), ErrorAnswer> {
        if self.session.mode == mode {
            return Ok(());
        }
        Err(ErrorAnswer::state(
            Some(param),
            format!(
                "You can only update `{param}` on a Checkout Session in `{mode}` mode; this \
                 one is in `{}` mode.",
                self.session.mode
            ),
        ))
    }

    /// `allowed` under their dahlia names; the message spells them as the version does.
    fn ui_modes(&self, param: &str, allowed: &[&str]) -> Result<(), ErrorAnswer> {
        if allowed.contains(&self.session.ui_mode.as_str()) {
            return Ok(());
        }
        let names: Vec<String> = allowed
            .iter()
            .map(|m| format!("`ui_mode={}`", self.shape.ui_mode(m)))
            .collect();
        Err(ErrorAnswer::state(
            Some(param),
            format!(
                "You can only update `{param}` on a Checkout Session with {}; this one has \
                 `ui_mode={}`.",
                names.join(" or "),
                self.shape.ui_mode(&self.session.ui_mode)
            ),
        ))
    }

    fn not_hosted(&self, param: &str) -> Result<(), ErrorAnswer> {
        if self.session.ui_mode != "hosted_page" {
            return Ok(());
        }
        Err(ErrorAnswer::state(
            Some(param),
            format!(
                "`{param}` cannot be updated on a Checkout Session with `ui_mode={}`.",
                self.shape.ui_mode("hosted_page")
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_trial_is_one_kind_and_ends_two_days_out_at_the_soonest() {
        let now = 1_800_000_000;
        let param = |data: Value| check_trial(&data, now).err().and_then(|e| e.param);
        assert_eq!(param(json!({"trial_period_days": 7})), None);
        assert_eq!(param(json!({"trial_period_days": ""})), None);
        assert_eq!(param(json!({"trial_end": now + MIN_TRIAL_END})), None);
        assert_eq!(
            param(json!({"trial_end": now + MIN_TRIAL_END - 1})).as_deref(),
            Some("subscription_data[trial_end]")
        );
        assert_eq!(
            param(json!({"trial_end": now + 3 * MIN_TRIAL_END, "trial_period_days": 7})).as_deref(),
            Some("subscription_data[trial_period_days]")
        );
        // Clearing the days while setting an end is one trial, not two.
        assert_eq!(
            param(json!({"trial_end": now + MIN_TRIAL_END, "trial_period_days": ""})),
            None
        );
    }
}
