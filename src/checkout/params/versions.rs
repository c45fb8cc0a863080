//! Which create and update params depend on the API version, and how: the changes Stripe
//! documents for them, as [`Gate`]s the pending request resolves against the version it is
//! sent with.
//!
//! Only what Stripe documents is gated (its changelog and the official SDKs' types, see
//! `api-versions.md`); a field merely typed from one SDK release is sent to every version and
//! left to Stripe. The mechanism and the dated changes live in
//! [`version_gate`](crate::version_gate).

use super::create::CreateSession;
use super::list::{ListLineItems, ListSessions};
use super::update::UpdateSession;

use crate::resources::Discount;
use crate::versions::version_gate::{
    DAHLIA, ENDIVE, Gate, Rule, UPDATE_LINE_ITEMS, UPDATE_PAYMENT_INTENT_DATA, VersionGates,
};

const PREVIEW: &str = "send it with a preview version: `ApiVersion::server_update_beta()` (the \
                       guide's) or `ApiVersion::newest_preview()`";

impl VersionGates for CreateSession {
    fn version_gates(&self) -> Vec<Gate> {
        let mut gates = Vec::new();
        if let Some(mode) = &self.ui_mode {
            if let Some(old) = mode.former_name() {
                let rule = Rule::Renamed { since: DAHLIA, old };
                gates.push(Gate::new("ui_mode", rule, ""));
            } else if *mode == crate::checkout::UiMode::Form {
                gates.push(Gate::new(
                    "ui_mode",
                    Rule::Added(DAHLIA),
                    "`UiMode::Form` needs 2026-03-25.dahlia or later; pick another UI mode for \
                     this version",
                ));
            }
        }
        if !self.payment_method_types.is_empty() {
            gates.push(Gate::new(
                "payment_method_types",
                Rule::Removed(ENDIVE),
                "use `allowed_payment_method_types` instead",
            ));
        }
        if !self.allowed_payment_method_types.is_empty() {
            gates.push(Gate::new(
                "allowed_payment_method_types",
                Rule::Added(ENDIVE),
                "use `payment_method_types` on versions before endive",
            ));
        }
        if let Some(permissions) = &self.permissions {
            for (param, set) in [
                (
                    "permissions[update_discounts]",
                    permissions.update_discounts.is_some(),
                ),
                (
                    "permissions[update_line_items]",
                    permissions.update_line_items.is_some(),
                ),
                ("permissions[update]", permissions.update.is_some()),
            ] {
                if set {
                    gates.push(Gate::new(param, Rule::Preview, PREVIEW));
                }
            }
        }
        for (i, discount) in self.discounts.iter().enumerate() {
            if let Discount::CouponData(_) = discount {
                gates.push(Gate::new(
                    format!("discounts[{i}][coupon_data]"),
                    Rule::Preview,
                    PREVIEW,
                ));
            }
        }
        gates
    }
}

impl VersionGates for UpdateSession {
    fn version_gates(&self) -> Vec<Gate> {
        let mut gates = Vec::new();
        for (param, set) in [
            ("discounts", self.discounts.is_some()),
            ("subscription_data", self.subscription_data.is_some()),
            ("automatic_tax", self.automatic_tax.is_some()),
            ("invoice_creation", self.invoice_creation.is_some()),
        ] {
            if set {
                gates.push(Gate::new(param, Rule::Preview, PREVIEW));
            }
        }
        if !self.line_items.is_empty() {
            gates.push(Gate::new(
                "line_items",
                Rule::AddedOrPreview(UPDATE_LINE_ITEMS),
                "send it with 2025-12-15.clover or later, or with a preview version",
            ));
        }
        if self.payment_intent_data.is_some() {
            gates.push(Gate::new(
                "payment_intent_data",
                Rule::Added(UPDATE_PAYMENT_INTENT_DATA),
                "send it with 2026-10-28.endive or later",
            ));
        }
        gates
    }
}

impl VersionGates for ListSessions {}

impl VersionGates for ListLineItems {}
