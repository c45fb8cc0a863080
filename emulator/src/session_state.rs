//! A Checkout Session as the emulator keeps it — line items, the one discount, shipping
//! options, permissions, status — and how it renders as Stripe's `checkout.session` and
//! `item` objects, with the expansions a request asked for.
//!
//! The rules for changing a session live in the store, `line_items` and `update_rules`; the
//! arithmetic in `pricing`; shipping rates and their rendering in `shipping`.

use serde_json::{Map, Value, json};

use crate::api_shape::Shape;
use crate::catalog::{CodeExpansion, StoredCoupon, StoredPromotionCode};
use crate::error_answer::ErrorAnswer;
use crate::held_settings::HeldSettings;
use crate::input::Permissions;
use crate::pricing;
use crate::shipping::{StoredShippingRate, render_shipping, shipping_amount};

/// Where a session is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SessionStatus {
    Open,
    Complete,
    Expired,
}

impl SessionStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Open => "open",
            SessionStatus::Complete => "complete",
            SessionStatus::Expired => "expired",
        }
    }
}

impl std::fmt::Display for SessionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of a session.
#[derive(Clone, Debug)]
pub(crate) struct StoredLineItem {
    pub(crate) id: String,
    pub(crate) price: Value,
    pub(crate) unit_amount: i64,
    /// A `unit_amount_decimal` price's exact unit amount in minor units (`unit_amount` is then
    /// its rounding, for display).
    pub(crate) unit_amount_decimal: Option<f64>,
    pub(crate) currency: String,
    pub(crate) description: String,
    pub(crate) quantity: u64,
    /// The product its price names, shown in full when `price.product` is expanded.
    pub(crate) product: Value,
    pub(crate) metadata: Vec<(String, String)>,
    /// `adjustable_quantity` as sent (`enabled`, `minimum`, `maximum`).
    pub(crate) adjustable_quantity: Option<Value>,
}

impl StoredLineItem {
    /// Whether its price bills on an interval.
    pub(crate) fn is_recurring(&self) -> bool {
        self.price.get("type").and_then(Value::as_str) == Some("recurring")
    }

    /// The product of the item's price.
    pub(crate) fn product_id(&self) -> Option<&str> {
        self.price.get("product").and_then(Value::as_str)
    }

    /// Unit amount times quantity; a decimal unit amount is multiplied first and the line's
    /// amount rounded, as Stripe does.
    pub(crate) fn subtotal(&self) -> i64 {
        match self.unit_amount_decimal {
            // Within range: unit amounts and quantities are bounded when the item is made.
            Some(decimal) => (decimal * self.quantity as f64).round() as i64,
            None => self
                .unit_amount
                .saturating_mul(i64::try_from(self.quantity).unwrap_or(i64::MAX)),
        }
    }
}

/// The discount a session carries: a coupon, and the promotion code it came from, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredDiscount {
    pub(crate) coupon_id: String,
    pub(crate) promotion_code_id: Option<String>,
}

/// Shipping details collected on the merchant's page.
#[derive(Clone, Debug)]
pub(crate) struct StoredShipping {
    pub(crate) name: String,
    pub(crate) address: std::collections::BTreeMap<String, String>,
}

/// A session and everything the emulator models about it.
#[derive(Clone, Debug)]
pub(crate) struct StoredSession {
    pub(crate) id: String,
    pub(crate) created: i64,
    pub(crate) expires_at: i64,
    pub(crate) mode: String,
    /// Under its dahlia name (`elements`, `embedded_page`, `hosted_page`, `form`).
    pub(crate) ui_mode: String,
    pub(crate) status: SessionStatus,
    pub(crate) payment_status: String,
    /// Completed with a delayed payment that is not settled yet.
    pub(crate) awaiting_payment: bool,
    pub(crate) currency: Option<String>,
    pub(crate) line_items: Vec<StoredLineItem>,
    pub(crate) discount: Option<StoredDiscount>,
    pub(crate) permissions: Option<Permissions>,
    pub(crate) customer: Option<String>,
    pub(crate) customer_email: Option<String>,
    pub(crate) client_reference_id: Option<String>,
    pub(crate) metadata: Vec<(String, String)>,
    pub(crate) return_url: Option<String>,
    pub(crate) success_url: Option<String>,
    pub(crate) cancel_url: Option<String>,
    pub(crate) locale: Option<String>,
    pub(crate) allow_promotion_codes: Option<bool>,
    pub(crate) client_secret: Option<String>,
    pub(crate) shipping: Option<StoredShipping>,
    /// The shipping rates offered, by id, in order; the first is the selected one (the
    /// emulator has no customer to pick another).
    pub(crate) shipping_options: Vec<String>,
    /// What the session holds but does not show (trial, payment intent data).
    pub(crate) held: HeldSettings,
    pub(crate) customer_details_email: Option<String>,
    /// The create params the session object carries back (see [`settings_of`]), in the
    /// object's shape.
    pub(crate) settings: Map<String, Value>,
}

/// The create params a session object carries back in the shape they were sent. Stripe fills
/// in the defaults of those not sent; the emulator leaves them out.
const ECHOED: [&str; 27] = [
    "adaptive_pricing",
    "after_expiration",
    "allowed_payment_method_types",
    "automatic_tax",
    "billing_address_collection",
    "branding_settings",
    "consent_collection",
    "custom_text",
    "customer_account",
    "customer_creation",
    "excluded_payment_method_types",
    "integration_identifier",
    "invoice_creation",
    "managed_payments",
    "name_collection",
    "optional_items",
    "origin_context",
    "payment_method_collection",
    "payment_method_options",
    "payment_method_types",
    "phone_number_collection",
    "redirect_on_completion",
    "saved_payment_method_options",
    "shipping_address_collection",
    "submit_type",
    "tax_id_collection",
    "wallet_options",
];

/// Session fields the SDKs of some versions do not type: each arrived with the create param
/// of its name (the SDK changelogs add both at once), so a version has the field when its
/// create takes the param.
const VERSIONED_FIELDS: [&str; 5] = [
    "customer_account",
    "integration_identifier",
    "managed_payments",
    "origin_context",
    "wallet_options",
];

/// `custom_text` as the session shows it: its four texts, `null` where none was sent.
fn custom_text(sent: Option<Value>) -> Value {
    let mut texts = match sent {
        Some(Value::Object(texts)) => texts,
        _ => Map::new(),
    };
    for key in [
        "after_submit",
        "shipping_address",
        "submit",
        "terms_of_service_acceptance",
    ] {
        texts.entry(key).or_insert(Value::Null);
    }
    Value::Object(texts)
}

/// What of the checked create `params` the session object shows: the [`ECHOED`] params as
/// sent, `custom_text` with its unsent texts `null`, and the custom fields in the object's
/// shape (each with its kind's input and the customer's `value`, not entered yet).
pub(crate) fn settings_of(params: &Value) -> Map<String, Value> {
    let Value::Object(mut sent) = params.clone() else {
        return Map::new();
    };
    let mut settings: Map<String, Value> = ECHOED
        .iter()
        .filter_map(|key| Some(((*key).to_owned(), sent.remove(*key)?)))
        .collect();
    if let Some(text) = settings.get_mut("custom_text") {
        *text = custom_text(Some(text.take()));
    }
    if let Some(Value::Array(fields)) = sent.remove("custom_fields") {
        let fields = fields.into_iter().map(custom_field_object).collect();
        settings.insert("custom_fields".to_owned(), Value::Array(fields));
    }
    settings
}

/// A custom field param as the session object shows it: `optional` set, the input of its
/// kind present with every field (`value` still `null`), the other kinds `null`.
fn custom_field_object(mut field: Value) -> Value {
    let Some(object) = field.as_object_mut() else {
        return field;
    };
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("text")
        .to_owned();
    object.entry("optional").or_insert(Value::Bool(false));
    object.entry("label").or_insert(Value::Null);
    for other in ["dropdown", "numeric", "text"] {
        if other != kind {
            object.entry(other).or_insert(Value::Null);
        }
    }
    let keys: &[&str] = if kind == "dropdown" {
        &["default_value", "options", "value"]
    } else {
        &["default_value", "maximum_length", "minimum_length", "value"]
    };
    if let Value::Object(input) = object.entry(kind).or_insert_with(|| json!({})) {
        for key in keys {
            input.entry(*key).or_insert(Value::Null);
        }
    }
    field
}

/// What a request asked to expand, checked against what the emulator can expand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Expansion {
    pub(crate) discounts: bool,
    pub(crate) coupon: bool,
    pub(crate) promotion_code: bool,
    pub(crate) line_items: bool,
    /// `line_items.data.price.product`.
    pub(crate) products: bool,
    pub(crate) customer: bool,
    pub(crate) breakdown: bool,
    /// `shipping_options.shipping_rate`.
    pub(crate) option_rates: bool,
    /// `shipping_cost.shipping_rate`.
    pub(crate) cost_rate: bool,
}

impl Expansion {
    /// What a test reads a session with: discounts with their coupons and promotion codes,
    /// line items and the totals' breakdown.
    pub(crate) fn whole() -> Self {
        Expansion {
            discounts: true,
            coupon: true,
            promotion_code: true,
            line_items: true,
            products: false,
            customer: false,
            breakdown: true,
            option_rates: false,
            cost_rate: false,
        }
    }

    /// Parses `expand[…]`. `prefix` is `data.` for lists, whose expansions name the items.
    pub(crate) fn parse(expand: &[String], prefix: &str) -> Result<Self, ErrorAnswer> {
        let mut out = Expansion::default();
        for (i, path) in expand.iter().enumerate() {
            let field = path.strip_prefix(prefix).unwrap_or("");
            match field {
                "discounts" => out.discounts = true,
                "discounts.coupon" => (out.discounts, out.coupon) = (true, true),
                "discounts.promotion_code" => (out.discounts, out.promotion_code) = (true, true),
                "line_items" | "line_items.data.price" => out.line_items = true,
                "line_items.data.price.product" => (out.line_items, out.products) = (true, true),
                "customer" => out.customer = true,
                "total_details.breakdown" => out.breakdown = true,
                "shipping_options.shipping_rate" => out.option_rates = true,
                "shipping_cost.shipping_rate" => out.cost_rate = true,
                _ => {
                    return Err(ErrorAnswer::invalid(
                        format!("expand[{i}]"),
                        format!("This property cannot be expanded ({path})."),
                    ));
                }
            }
        }
        Ok(out)
    }
}

/// What the renderer needs from the catalog.
pub(crate) trait CatalogView {
    /// The version the object is rendered for.
    fn shape(&self) -> &Shape;
    fn coupon(&self, id: &str) -> Option<&StoredCoupon>;
    fn promotion_code(&self, id: &str) -> Option<&StoredPromotionCode>;
    fn customer_json(&self, id: &str) -> Option<Value>;
    fn shipping_rate(&self, id: &str) -> Option<&StoredShippingRate>;
    /// The emulator's clock, in Unix seconds.
    fn now(&self) -> i64;
}

impl StoredSession {
    pub(crate) fn amount_subtotal(&self) -> i64 {
        self.line_items
            .iter()
            .map(StoredLineItem::subtotal)
            .fold(0, i64::saturating_add)
    }

    pub(crate) fn amount_discount(&self, catalog: &dyn CatalogView) -> i64 {
        self.item_discounts(catalog)
            .into_iter()
            .fold(0, i64::saturating_add)
    }

    /// The selected (first) shipping option's amount, 0 without options.
    pub(crate) fn amount_shipping(&self, catalog: &dyn CatalogView) -> i64 {
        self.shipping_options.first().map_or(0, |id| {
            shipping_amount(catalog, id, self.currency.as_deref())
        })
    }

    /// Subtotal less the discount, plus shipping. Discounts apply to line items only: the
    /// discount is spread over the items and never takes anything off shipping.
    pub(crate) fn amount_total(&self, catalog: &dyn CatalogView) -> i64 {
        (self.amount_subtotal() - self.amount_discount(catalog))
            .saturating_add(self.amount_shipping(catalog))
    }

    /// The discount on each line item. A coupon limited to some products discounts only
    /// their items, and an amount-off coupon takes its amount in the session's currency
    /// (its own, or a currency option's; none in another currency).
    fn item_discounts(&self, catalog: &dyn CatalogView) -> Vec<i64> {
        let coupon = self
            .discount
            .as_ref()
            .and_then(|d| catalog.coupon(&d.coupon_id));
        let subtotals: Vec<i64> = self
            .line_items
            .iter()
            .map(|item| match coupon {
                Some(c) if !c.products.is_empty() => {
                    let eligible = item
                        .product_id()
                        .is_some_and(|p| c.products.iter().any(|q| q == p));
                    if eligible { item.subtotal() } else { 0 }
                }
                _ => item.subtotal(),
            })
            .collect();
        let Some(coupon) = coupon else {
            return vec![0; subtotals.len()];
        };
        let amount_off = coupon.amount_off.map(|own| {
            self.currency
                .as_deref()
                .map_or(Some(own), |currency| coupon.amount_in(currency))
                .unwrap_or(0)
        });
        let eligible = subtotals.iter().copied().fold(0, i64::saturating_add);
        let total = pricing::discount_amount(eligible, amount_off, coupon.percent_off);
        pricing::allocate(total, &subtotals)
    }

    pub(crate) fn permission_is_server_only(
        &self,
        pick: impl Fn(&Permissions) -> Option<&String>,
    ) -> bool {
        self.permissions
            .as_ref()
            .and_then(pick)
            .is_some_and(|owner| owner == "server_only")
    }

    /// The session object. `include_discounts` is false for an update's answer, which carries
    /// `discounts` only when expanded, as Stripe documents.
    pub(crate) fn to_json(
        &self,
        catalog: &dyn CatalogView,
        expand: Expansion,
        include_discounts: bool,
    ) -> Value {
        let subtotal = self.amount_subtotal();
        let discount = self.amount_discount(catalog);
        let shipping = self.amount_shipping(catalog);
        let (shipping_options, shipping_cost) = render_shipping(
            &self.shipping_options,
            self.currency.as_deref(),
            catalog,
            expand.option_rates,
            expand.cost_rate,
        );
        let mut object = json!({
            "id": self.id,
            "object": "checkout.session",
            "adaptive_pricing": {"enabled": false},
            "after_expiration": null,
            "allow_promotion_codes": self.allow_promotion_codes,
            "amount_subtotal": subtotal,
            "amount_total": (subtotal - discount).saturating_add(shipping),
            "automatic_tax": {"enabled": false, "liability": null, "status": null},
            "billing_address_collection": null,
            "cancel_url": self.cancel_url,
            "client_reference_id": self.client_reference_id,
            "client_secret": self.client_secret,
            "collected_information": self.shipping.as_ref().map(|s| json!({
                "shipping_details": {"name": s.name, "address": address_json(&s.address)},
            })),
            "consent": null,
            "consent_collection": null,
            "created": self.created,
            "currency": self.currency,
            "currency_conversion": null,
            "custom_fields": [],
            "custom_text": custom_text(None),
            "customer": self.customer,
            "customer_account": null,
            "customer_creation": "if_required",
            "customer_details": self.customer_details_email.as_ref().map(|email| json!({
                "email": email, "address": null, "name": null, "phone": null,
                "tax_exempt": "none", "tax_ids": [],
            })),
            "customer_email": self.customer_email,
            "expires_at": self.expires_at,
            "integration_identifier": null,
            "invoice": null,
            "invoice_creation": null,
            "livemode": false,
            "locale": self.locale,
            "managed_payments": null,
            "metadata": Map::from_iter(self.metadata.iter().map(|(k, v)| (k.clone(), json!(v)))),
            "mode": self.mode,
            "origin_context": null,
            "payment_intent": null,
            "payment_link": null,
            "payment_method_collection": null,
            "payment_method_configuration_details": null,
            "payment_method_options": {},
            "payment_method_types": ["card"],
            "payment_status": self.payment_status,
            "permissions": self.permissions.as_ref().map(|p| {
                let all = [
                    ("update_discounts", &p.update_discounts),
                    ("update_line_items", &p.update_line_items),
                    ("update_shipping_details", &p.update_shipping_details),
                ];
                Value::Object(
                    all.into_iter()
                        .filter(|(name, _)| catalog.shape().has_permission(name))
                        .map(|(name, owner)| (name.to_owned(), json!(owner)))
                        .collect(),
                )
            }),
            "recovered_from": null,
            "return_url": self.return_url,
            "saved_payment_method_options": null,
            "setup_intent": null,
            "shipping_address_collection": null,
            "shipping_cost": shipping_cost,
            "shipping_options": shipping_options,
            "status": self.status.as_str(),
            "submit_type": null,
            "subscription": null,
            "success_url": self.success_url,
            "total_details": {
                "amount_discount": discount,
                "amount_shipping": shipping,
                "amount_tax": 0,
            },
            "ui_mode": catalog.shape().ui_mode(&self.ui_mode),
            "url": (self.ui_mode == "hosted_page" && self.status == SessionStatus::Open)
                .then(|| format!("https://checkout.stripe.com/c/pay/{}", self.id)),
            "wallet_options": null,
        });
        let endive = catalog.shape().has_allowed_payment_method_types();
        if endive {
            object["allowed_payment_method_types"] = Value::Null;
        }
        for (key, value) in &self.settings {
            // A session created on endive and read on an earlier version has no such field.
            if endive || key != "allowed_payment_method_types" {
                object[key] = value.clone();
            }
        }
        if let Value::Object(fields) = &mut object {
            // Fields newer than the version's SDK, also when a newer request set them.
            for key in VERSIONED_FIELDS {
                if !catalog.shape().create_takes(key) {
                    fields.shift_remove(key);
                }
            }
        }
        if expand.breakdown {
            object["total_details"]["breakdown"] = json!({
                "discounts": self.discount.iter().map(|d| json!({
                    "amount": discount,
                    "discount": self.discount_object(d, catalog),
                })).collect::<Vec<_>>(),
                "taxes": [],
            });
        }
        if include_discounts || expand.discounts {
            object["discounts"] = Value::Array(
                self.discount
                    .iter()
                    .map(|d| self.discount_json(d, catalog, expand))
                    .collect(),
            );
        }
        if expand.line_items {
            object["line_items"] = json!({
                "object": "list",
                "url": format!("/v1/checkout/sessions/{}/line_items", self.id),
                "has_more": false,
                "data": self.line_items_json(catalog, expand.products),
            });
        }
        if expand.customer {
            if let Some(customer) = self
                .customer
                .as_deref()
                .and_then(|c| catalog.customer_json(c))
            {
                object["customer"] = customer;
            }
        }
        object
    }

    fn discount_json(
        &self,
        d: &StoredDiscount,
        catalog: &dyn CatalogView,
        expand: Expansion,
    ) -> Value {
        let coupon = match catalog.coupon(&d.coupon_id) {
            Some(c) if expand.coupon => c.to_json(catalog.now()),
            _ => json!(d.coupon_id),
        };
        let promotion_code = match &d.promotion_code_id {
            None => Value::Null,
            Some(id) => match catalog.promotion_code(id) {
                Some(p) if expand.promotion_code => p.to_json(
                    catalog.coupon(&p.coupon_id),
                    catalog.shape(),
                    CodeExpansion::default(),
                    catalog.now(),
                ),
                _ => json!(id),
            },
        };
        json!({"coupon": coupon, "promotion_code": promotion_code})
    }

    /// The `discount` object of the totals' breakdown, in the version's shape: basil nests
    /// the coupon in full under `coupon`, clover and later name it under `source`.
    fn discount_object(&self, d: &StoredDiscount, catalog: &dyn CatalogView) -> Value {
        let mut object = json!({
            "id": format!("di_{}", self.id.trim_start_matches("cs_test_").get(..24).unwrap_or("1")),
            "object": "discount",
            "checkout_session": self.id,
            "customer": self.customer,
            "end": null,
            "invoice": null,
            "invoice_item": null,
            "promotion_code": d.promotion_code_id,
            "start": self.created,
            "subscription": null,
            "subscription_item": null,
        });
        if catalog.shape().coupon_under_source() {
            object["source"] = json!({"type": "coupon", "coupon": d.coupon_id});
            object["customer_account"] = Value::Null;
        } else {
            object["coupon"] = catalog
                .coupon(&d.coupon_id)
                .map_or_else(|| json!(d.coupon_id), |c| c.to_json(catalog.now()));
        }
        object
    }

    /// The session's `item` objects, with the discount spread over them, and each price's
    /// product in full when `products` is expanded.
    pub(crate) fn line_items_json(&self, catalog: &dyn CatalogView, products: bool) -> Vec<Value> {
        let discounts = self.item_discounts(catalog);
        let shows_metadata = catalog.shape().line_item_update_takes("metadata");
        let shows_adjustable = catalog
            .shape()
            .line_item_update_takes("adjustable_quantity");
        self.line_items
            .iter()
            .map(|item| (item, item.subtotal()))
            .zip(discounts)
            .map(|((item, subtotal), discount)| {
                let mut object = json!({
                    "id": item.id,
                    "object": "item",
                    "amount_discount": discount,
                    "amount_subtotal": subtotal,
                    "amount_tax": 0,
                    "amount_total": subtotal - discount,
                    "currency": item.currency,
                    "description": item.description,
                    "price": item.price,
                    "quantity": item.quantity,
                });
                if products {
                    object["price"]["product"] = catalog.shape().product(item.product.clone());
                }
                if shows_adjustable {
                    object["adjustable_quantity"] =
                        item.adjustable_quantity.clone().unwrap_or(Value::Null);
                }
                if shows_metadata {
                    object["metadata"] = Value::Object(Map::from_iter(
                        item.metadata.iter().map(|(k, v)| (k.clone(), json!(v))),
                    ));
                }
                object
            })
            .collect()
    }
}

/// An address with every field Stripe shows, `null` where none was sent.
fn address_json(a: &std::collections::BTreeMap<String, String>) -> Value {
    let field = |k: &str| a.get(k).map_or(Value::Null, |v| json!(v));
    json!({
        "city": field("city"), "country": field("country"), "line1": field("line1"),
        "line2": field("line2"), "postal_code": field("postal_code"), "state": field("state"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_field_shows_its_kinds_input_whole_and_null_for_the_other_kinds() {
        let label = json!({"type": "custom", "custom": "Size"});
        let options = json!([{"label": "S", "value": "s"}]);
        let dropdown = custom_field_object(json!({
            "key": "size", "type": "dropdown", "label": label, "optional": true,
            "dropdown": {"options": options},
        }));
        assert_eq!(
            dropdown,
            json!({
                "key": "size", "type": "dropdown", "label": label, "optional": true,
                "dropdown": {"options": options, "default_value": null, "value": null},
                "numeric": null, "text": null,
            })
        );
        let text = custom_field_object(json!({"key": "gift", "type": "text", "label": label}));
        assert_eq!(
            text,
            json!({
                "key": "gift", "type": "text", "label": label, "optional": false,
                "text": {
                    "default_value": null, "maximum_length": null, "minimum_length": null,
                    "value": null,
                },
                "dropdown": null, "numeric": null,
            })
        );
    }
}
