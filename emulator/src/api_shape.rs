//! The emulator's reading of a request's `Stripe-Version` for its answers: the `ui_mode`
//! names, where discounts and promotion codes name their coupon, fields of one version only.
//!
//! What each version accepts is the facts' (`facts`); the rules here are written from
//! Stripe's changelog (`api-versions.md`), independently of the client's own version gates.

use serde_json::Value;

use crate::error_answer::ErrorAnswer;
use crate::facts::{self, Facts, Kind, Node, Operation};
use crate::version::{ApiVersion, CLOVER, DAHLIA, ENDIVE};

/// The version a request was answered in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    version: ApiVersion,
}

impl Default for Shape {
    fn default() -> Self {
        Self::new(ApiVersion::default_version())
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
            Some(text) => ApiVersion::parse(text).map(Self::new).ok_or_else(|| {
                ErrorAnswer::state(None, format!("Invalid Stripe API version: {text}"))
            }),
        }
    }

    /// The facts requests of this version are checked against.
    pub(crate) fn facts(&self) -> &'static Facts {
        facts::for_version(&self.version)
    }

    /// The version as the request sent it.
    #[cfg(test)]
    pub(crate) fn version(&self) -> &str {
        self.version.as_str()
    }

    /// The dated version without beta flags (`2025-03-31.basil`), as events name it.
    pub(crate) fn base(&self) -> &str {
        self.version
            .as_str()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
    }

    /// Clover and later: a discount names its coupon under `source`, a promotion code under
    /// `promotion`, neither expanded.
    pub(crate) fn coupon_under_source(&self) -> bool {
        self.version.reaches(CLOVER)
    }

    /// Endive and later: sessions carry `allowed_payment_method_types`.
    pub(crate) fn has_allowed_payment_method_types(&self) -> bool {
        self.version.reaches(ENDIVE)
    }

    /// `ui_mode` (kept under its dahlia name) as this version spells it.
    pub(crate) fn ui_mode<'m>(&self, mode: &'m str) -> &'m str {
        if self.version.reaches(DAHLIA) {
            return mode;
        }
        match mode {
            "elements" => "custom",
            "embedded_page" => "embedded",
            "hosted_page" => "hosted",
            other => other,
        }
    }

    /// Whether this version's create takes `permissions[update_line_items]`: the preview
    /// generation of line-item updates (the preview SDK and a beta flag), where only a session
    /// created with it set to `server_only` takes them. Generally available versions have no
    /// such permission (the 2025-12-15.clover changelog and `stripe@23.1.0`) and update the
    /// line items of Elements sessions instead. Read from the facts, not from a date.
    pub(crate) fn line_items_need_permission(&self) -> bool {
        self.has_permission("update_line_items")
    }

    /// Whether this version's create takes `permissions[name]`, and so its session shows it:
    /// generally available versions have only `update_shipping_details` (`stripe@18.0.0`,
    /// `stripe@23.1.0`: "`permissions` holds only `update_shipping_details`"), the preview
    /// and beta-flagged versions the preview's permissions too.
    pub(crate) fn has_permission(&self, name: &str) -> bool {
        let create = self.facts().params(Operation::CreateSession);
        create
            .props
            .get("permissions")
            .is_some_and(|p| p.props.contains_key(name))
    }

    /// Whether an update's line item takes `field` in this version. The `item` object shows
    /// what an update can set on it (`metadata`, `adjustable_quantity`) in the versions where
    /// it can: the basil SDK's item has neither, the preview's and endive's have both.
    pub(crate) fn line_item_update_takes(&self, field: &str) -> bool {
        let update = self.facts().params(Operation::UpdateSession);
        let item: Option<&Node> = update
            .props
            .get("line_items")
            .filter(|n| n.kind == Kind::Array)
            .and_then(|n| n.items.as_deref());
        item.is_some_and(|item| item.props.contains_key(field))
    }

    /// Whether this version's session create takes the top-level param `name`.
    pub(crate) fn create_takes(&self, name: &str) -> bool {
        let create = self.facts().params(Operation::CreateSession);
        create.props.contains_key(name)
    }

    /// A `product` object in this version's shape: the SDKs whose inline `product_data`
    /// takes `tax_details` (stripe@23, the preview) type the product with a nullable
    /// `tax_details` of its own, which the emulator does not model. Read from the facts.
    pub(crate) fn product(&self, mut product: Value) -> Value {
        let create = self.facts().params(Operation::CreateSession);
        let product_data = create
            .props
            .get("line_items")
            .and_then(|n| n.items.as_deref())
            .and_then(|item| item.props.get("price_data"))
            .and_then(|price| price.props.get("product_data"));
        if product_data.is_some_and(|p| p.props.contains_key("tax_details")) {
            product["tax_details"] = Value::Null;
        }
        product
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

/// A `ui_mode` under its dahlia name, however the request's version spelled it.
pub(crate) fn canonical_ui_mode(mode: &str) -> &str {
    match mode {
        "custom" => "elements",
        "embedded" => "embedded_page",
        "hosted" => "hosted_page",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(v: &str) -> Shape {
        Shape::of_header(Some(v)).unwrap()
    }

    #[test]
    fn the_header_is_read_or_refused() {
        assert_eq!(Shape::of_header(None).unwrap(), Shape::default());
        assert_eq!(shape("2026-10-28.endive").version(), "2026-10-28.endive");
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
        assert_eq!(clover.ui_mode("elements"), "custom");
        assert_eq!(preview.ui_mode("elements"), "elements");
        assert_eq!(basil.ui_mode("hosted_page"), "hosted");
        assert_eq!(basil.ui_mode("embedded_page"), "embedded");
        assert_eq!(basil.ui_mode("form"), "form");
        assert_eq!(basil.promotion_coupon_param(), "coupon");
        assert_eq!(clover.promotion_coupon_param(), "promotion[coupon]");
        for (old, new) in [
            ("custom", "elements"),
            ("embedded", "embedded_page"),
            ("hosted", "hosted_page"),
            ("form", "form"),
        ] {
            assert_eq!(canonical_ui_mode(old), new);
        }
    }
}
