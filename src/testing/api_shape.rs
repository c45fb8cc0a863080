//! The emulator's reading of a request's `Stripe-Version`: the shape it answers in (the
//! `ui_mode` names, where discounts and promotion codes name their coupon, fields of one
//! version only) and the parameters that version refuses, as Stripe documents them.
//!
//! The rules are written from Stripe's changelog and the official SDKs' types
//! (`api-versions.md`), independently of the client's own version gates, so that the client's
//! local refusals are tested against them rather than against themselves. Only the dated
//! changes are shared.

use serde_json::Value;

use super::error_answer::ErrorAnswer;
use super::form_decode::FormTree;
use crate::checkout::UiMode;
use crate::version::ApiVersion;
use crate::version_gate::{CLOVER, DAHLIA, ENDIVE, UPDATE_LINE_ITEMS, UPDATE_PAYMENT_INTENT_DATA};

/// The version a request was answered in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    version: ApiVersion,
}

impl Default for Shape {
    fn default() -> Self {
        Self::new(ApiVersion::server_update_beta())
    }
}

impl Shape {
    pub(crate) fn new(version: ApiVersion) -> Self {
        Self { version }
    }

    /// The shape of a request carrying `header` (`None`: the account's default, the guide's
    /// version). An unparseable version is refused as Stripe refuses it.
    pub(crate) fn of_header(header: Option<&str>) -> Result<Self, ErrorAnswer> {
        match header {
            None => Ok(Self::default()),
            Some(text) => text.parse().map(Self::new).map_err(|_| {
                ErrorAnswer::state(None, format!("Invalid Stripe API version: {text}"))
            }),
        }
    }

    /// Clover and later: a discount names its coupon under `source`, a promotion code under
    /// `promotion`, neither expanded.
    pub(crate) fn coupon_under_source(&self) -> bool {
        CLOVER.reached_by(&self.version)
    }

    /// Endive and later: sessions carry `allowed_payment_method_types`.
    pub(crate) fn has_allowed_payment_method_types(&self) -> bool {
        ENDIVE.reached_by(&self.version)
    }

    /// `ui_mode` as this version spells it.
    pub(crate) fn ui_mode<'m>(&self, mode: &'m UiMode) -> &'m str {
        match mode.former_name() {
            Some(old) if !DAHLIA.reached_by(&self.version) => old,
            _ => mode.as_str(),
        }
    }

    /// The first parameter of a create (`update: false`) or update this version refuses.
    pub(crate) fn refusal(&self, update: bool, params: &Value) -> Option<ErrorAnswer> {
        let v = &self.version;
        let has = |path: &[&str]| {
            path.iter()
                .try_fold(params, |node, key| node.get(key))
                .is_some()
        };
        let preview = v.is_preview();
        if update {
            if !preview {
                for param in [
                    "discounts",
                    "subscription_data",
                    "automatic_tax",
                    "invoice_creation",
                ] {
                    if has(&[param]) {
                        return Some(ErrorAnswer::unknown(param));
                    }
                }
                if has(&["line_items"]) && !UPDATE_LINE_ITEMS.reached_by(v) {
                    return Some(ErrorAnswer::unknown("line_items"));
                }
            }
            if has(&["payment_intent_data"]) && !UPDATE_PAYMENT_INTENT_DATA.reached_by(v) {
                return Some(ErrorAnswer::unknown("payment_intent_data"));
            }
            return None;
        }
        if let Some(mode) = params.get("ui_mode").and_then(Value::as_str) {
            let dahlia = DAHLIA.reached_by(v);
            let refused = match mode {
                // "Attempting to set a Checkout Session's `ui_mode` to `hosted`, `embedded`, or
                // `custom` will fail" from dahlia on; `form` arrived with it.
                "custom" | "embedded" | "hosted" => dahlia,
                "form" => !dahlia,
                _ => false,
            };
            if refused {
                let allowed = if dahlia {
                    "elements, embedded_page, form, or hosted_page"
                } else {
                    "custom, embedded, or hosted"
                };
                return Some(ErrorAnswer::invalid(
                    "ui_mode",
                    format!("Invalid ui_mode: must be one of {allowed}"),
                ));
            }
        }
        if has(&["payment_method_types"]) && ENDIVE.reached_by(v) {
            return Some(ErrorAnswer::unknown("payment_method_types"));
        }
        if has(&["allowed_payment_method_types"]) && !ENDIVE.reached_by(v) {
            return Some(ErrorAnswer::unknown("allowed_payment_method_types"));
        }
        if !preview {
            for permission in ["update_discounts", "update_line_items", "update"] {
                if has(&["permissions", permission]) {
                    return Some(ErrorAnswer::unknown(format!("permissions[{permission}]")));
                }
            }
            let items = params.get("discounts").and_then(Value::as_array);
            for (i, item) in items.into_iter().flatten().enumerate() {
                if item.get("coupon_data").is_some() {
                    return Some(ErrorAnswer::unknown(format!("discounts[{i}][coupon_data]")));
                }
            }
        }
        None
    }
}

impl Shape {
    /// A promotion code create in the clover shape its params decode from: basil's `coupon`
    /// becomes `promotion[type]=coupon&promotion[coupon]=…`. Each version refuses the other's
    /// key as unknown.
    pub(crate) fn promotion_code_params(&self, tree: &FormTree) -> Result<FormTree, ErrorAnswer> {
        let FormTree::Node(children) = tree else {
            return Ok(tree.clone());
        };
        let has = |key: &str| children.iter().any(|(k, _)| k == key);
        if self.coupon_under_source() {
            return if has("coupon") {
                Err(ErrorAnswer::unknown("coupon"))
            } else {
                Ok(tree.clone())
            };
        }
        if has("promotion") {
            return Err(ErrorAnswer::unknown("promotion"));
        }
        if !has("coupon") {
            return Err(ErrorAnswer::missing("coupon"));
        }
        let moved = children
            .iter()
            .map(|(key, value)| match key.as_str() {
                "coupon" => (
                    "promotion".to_owned(),
                    FormTree::Node(vec![
                        ("type".to_owned(), FormTree::Leaf("coupon".to_owned())),
                        ("coupon".to_owned(), value.clone()),
                    ]),
                ),
                _ => (key.clone(), value.clone()),
            })
            .collect();
        Ok(FormTree::Node(moved))
    }

    /// The param naming a promotion code's coupon in this version.
    pub(crate) fn promotion_coupon_param(&self) -> &'static str {
        if self.coupon_under_source() {
            "promotion[coupon]"
        } else {
            "coupon"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shape(v: &str) -> Shape {
        Shape::of_header(Some(v)).unwrap()
    }

    #[test]
    fn the_header_is_read_or_refused() {
        assert_eq!(Shape::of_header(None).unwrap(), Shape::default());
        assert_eq!(
            shape("2026-10-28.endive"),
            Shape::new(ApiVersion::newest_ga())
        );
        let refused = Shape::of_header(Some("yesterday")).unwrap_err();
        assert_eq!(refused.message, "Invalid Stripe API version: yesterday");
        assert_eq!(
            (refused.status, refused.kind),
            (400, "invalid_request_error")
        );
    }

    #[test]
    fn shapes_follow_the_dated_changes() {
        let basil = shape("2025-08-27.basil");
        let clover = shape("2025-09-30.clover");
        let preview = shape("2026-08-26.preview");
        let endive = shape("2026-09-30.endive");
        assert!(!basil.coupon_under_source() && clover.coupon_under_source());
        assert!(preview.coupon_under_source());
        assert!(!preview.has_allowed_payment_method_types());
        assert!(endive.has_allowed_payment_method_types());
        assert_eq!(clover.ui_mode(&UiMode::Elements), "custom");
        assert_eq!(preview.ui_mode(&UiMode::Elements), "elements");
        assert_eq!(basil.ui_mode(&UiMode::HostedPage), "hosted");
        assert_eq!(basil.ui_mode(&UiMode::Form), "form");
    }

    #[test]
    fn each_version_refuses_what_stripe_documents() {
        let refused = |v: &str, update: bool, params: Value| {
            shape(v).refusal(update, &params).and_then(|e| e.param)
        };
        let basil = "2025-03-31.basil";
        let guide = "2025-03-31.basil; checkout_server_update_beta=v1";
        let endive = "2026-10-28.endive";
        let preview = "2026-08-26.preview";
        let some = |p: &str| Some(p.to_owned());

        assert_eq!(refused(basil, false, json!({"ui_mode": "custom"})), None);
        assert_eq!(refused(basil, false, json!({"ui_mode": "elements"})), None);
        assert_eq!(
            refused(basil, false, json!({"ui_mode": "form"})),
            some("ui_mode")
        );
        assert_eq!(
            refused(endive, false, json!({"ui_mode": "custom"})),
            some("ui_mode")
        );
        assert_eq!(
            refused(preview, false, json!({"ui_mode": "hosted"})),
            some("ui_mode")
        );
        assert_eq!(refused(endive, false, json!({"ui_mode": "form"})), None);

        let methods = json!({"payment_method_types": ["card"]});
        assert_eq!(refused(preview, false, methods.clone()), None);
        assert_eq!(
            refused(endive, false, methods),
            some("payment_method_types")
        );
        let allowed = json!({"allowed_payment_method_types": ["card"]});
        assert_eq!(refused(endive, false, allowed.clone()), None);
        assert_eq!(
            refused(guide, false, allowed),
            some("allowed_payment_method_types")
        );

        let permission = json!({"permissions": {"update_discounts": "server_only"}});
        assert_eq!(refused(guide, false, permission.clone()), None);
        assert_eq!(refused(preview, false, permission.clone()), None);
        assert_eq!(
            refused(endive, false, permission),
            some("permissions[update_discounts]")
        );
        let shipping = json!({"permissions": {"update_shipping_details": "server_only"}});
        assert_eq!(refused(endive, false, shipping), None);
        let inline = json!({"discounts": [{"coupon_data": {"percent_off": "5"}}]});
        assert_eq!(
            refused(basil, false, inline.clone()),
            some("discounts[0][coupon_data]")
        );
        assert_eq!(refused(guide, false, inline), None);
        assert_eq!(
            refused(endive, false, json!({"discounts": [{"coupon": "A"}]})),
            None
        );

        assert_eq!(refused(guide, true, json!({"discounts": ""})), None);
        assert_eq!(
            refused(endive, true, json!({"discounts": ""})),
            some("discounts")
        );
        assert_eq!(
            refused(endive, true, json!({"automatic_tax": {}})),
            some("automatic_tax")
        );
        assert_eq!(
            refused(basil, true, json!({"line_items": []})),
            some("line_items")
        );
        assert_eq!(refused(guide, true, json!({"line_items": []})), None);
        assert_eq!(
            refused("2025-12-15.clover", true, json!({"line_items": []})),
            None
        );
        let intent = json!({"payment_intent_data": {"description": "x"}});
        assert_eq!(
            refused(preview, true, intent.clone()),
            some("payment_intent_data")
        );
        assert_eq!(refused(endive, true, intent), None);
        assert_eq!(refused(basil, true, json!({"metadata": {"a": "1"}})), None);
    }
}
