//! A session's line items as create and update make them: a new item from a catalog `price`
//! or inline `price_data`, and an update's whole-array replacement (kept, changed, added,
//! removed and reordered items), with the currency and item-count rules over the result.
//!
//! Who may update line items at all (permission, `ui_mode`, API version) is `update_rules`';
//! how an item renders is `session_state`'s.

use std::collections::HashSet;

use serde_json::Value;

use crate::catalog::{self, StoredPrice, metadata_pairs};
use crate::error_answer::ErrorAnswer;
use crate::id_gen::new_id;
use crate::input::{Clear, LineItemInput, PriceData, UpdateLineItem};
use crate::session_state::{StoredLineItem, StoredSession};
use crate::store::{Store, apply_metadata};

/// Most line items a payment-mode session takes, and most recurring and most one-time items
/// a subscription-mode session takes (the official SDK's comment on create's `line_items`:
/// "up to 100 line items" in payment mode, "up to 20 line items with recurring Prices and 20
/// line items with one-time Prices" in subscription mode). Stripe documents no other bound for
/// an update, so an update's array is held to the same (an assumption, noted in the crate
/// docs).
const MAX_PAYMENT_ITEMS: usize = 100;
const MAX_SUBSCRIPTION_ITEMS_OF_A_KIND: usize = 20;

/// What a line item's price came to: the price object it shows, and what the arithmetic and
/// the currency rule need of it.
struct ItemPrice {
    json: Value,
    unit_amount: i64,
    unit_amount_decimal: Option<f64>,
    currency: String,
    description: String,
    /// The product its `product` names, as an expansion shows it.
    product: Value,
}

impl Store {
    /// A new line item from a create's (or an update's added) `item`, at index `i`.
    pub(crate) fn new_line_item(
        &self,
        item: &LineItemInput,
        i: usize,
    ) -> Result<StoredLineItem, ErrorAnswer> {
        let param = |field: &str| format!("line_items[{i}][{field}]");
        let price = self.item_price(item.price.as_deref(), item.price_data.as_ref(), i)?;
        let quantity = item
            .quantity
            .ok_or_else(|| ErrorAnswer::missing(param("quantity")))?;
        Ok(StoredLineItem {
            id: new_id("li_", 24),
            price: price.json,
            unit_amount: price.unit_amount,
            unit_amount_decimal: price.unit_amount_decimal,
            currency: price.currency,
            description: price.description,
            quantity,
            product: price.product,
            metadata: metadata_pairs(item.metadata.as_ref()),
            adjustable_quantity: item.adjustable_quantity.clone(),
        })
    }

    /// The price of item `i`: a catalog price by id, or one made from `price_data` (which
    /// gets its own `price_…` id and, without a `product`, a new `prod_…` id).
    fn item_price(
        &self,
        price: Option<&str>,
        data: Option<&PriceData>,
        i: usize,
    ) -> Result<ItemPrice, ErrorAnswer> {
        let param = |field: &str| format!("line_items[{i}][{field}]");
        match (price, data) {
            (Some(id), None) => {
                let price = self
                    .prices
                    .get(id)
                    .ok_or_else(|| ErrorAnswer::no_such_in_params("price", id, param("price")))?;
                Ok(ItemPrice {
                    json: price.to_json(),
                    unit_amount: price.unit_amount,
                    unit_amount_decimal: None,
                    currency: price.currency.clone(),
                    description: price.product_name.clone(),
                    product: price.product_json(),
                })
            }
            (None, Some(data)) => self.inline_price(data, i),
            (Some(_), Some(_)) => Err(ErrorAnswer::state(
                Some(&param("price_data")),
                "You may only specify one of these parameters: price, price_data.",
            )),
            (None, None) => Err(ErrorAnswer::missing(param("price"))),
        }
    }

    fn inline_price(&self, data: &PriceData, i: usize) -> Result<ItemPrice, ErrorAnswer> {
        let param = |field: &str| format!("line_items[{i}][price_data][{field}]");
        let (unit_amount, decimal) = match (&data.unit_amount, &data.unit_amount_decimal) {
            // Both checked by the rules: digits only, within Stripe's bound.
            (Some(amount), _) => (*amount, None),
            (None, Some(text)) => {
                let decimal: f64 = text.parse().unwrap_or(0.0);
                (decimal.round() as i64, Some(decimal))
            }
            (None, None) => return Err(ErrorAnswer::missing(param("unit_amount"))),
        };
        let product_id = data.product.clone().unwrap_or_else(|| new_id("prod_", 14));
        let product = match (&data.product_data, &data.product) {
            (Some(sent), _) => {
                let mut product = catalog::product_json(&product_id, &sent.name, self.now());
                product["description"] = sent.description.clone().into();
                product["images"] = sent.images.clone().into();
                product["metadata"] = Value::Object(
                    metadata_pairs(sent.metadata.as_ref())
                        .into_iter()
                        .map(|(k, v)| (k, v.into()))
                        .collect(),
                );
                product["tax_code"] = sent.tax_code.clone().into();
                product["unit_label"] = sent.unit_label.clone().into();
                product
            }
            // Stripe shows an existing product's name; the emulator knows products by their
            // prices, and does not model products of its own, so an unknown one shows its id.
            (None, Some(id)) => self
                .prices
                .values()
                .find(|p| &p.product_id == id)
                .map_or_else(
                    || catalog::product_json(id, id, self.now()),
                    StoredPrice::product_json,
                ),
            (None, None) => return Err(ErrorAnswer::missing(param("product_data"))),
        };
        let name = product["name"].as_str().unwrap_or_default().to_owned();
        let price = StoredPrice {
            id: new_id("price_", 24),
            unit_amount,
            currency: data.currency.to_ascii_lowercase(),
            product_id,
            product_name: name.clone(),
            created: self.now(),
            interval: None,
        };
        let mut json = price.to_json();
        if let (Some(decimal), Some(text)) = (decimal, &data.unit_amount_decimal) {
            json["unit_amount_decimal"] = Value::from(text.as_str());
            if decimal.fract() != 0.0 {
                json["unit_amount"] = Value::Null;
            }
        }
        if let Some(recurring) = &data.recurring {
            let interval = recurring.get("interval").cloned().unwrap_or(Value::Null);
            let interval_count = recurring.get("interval_count").cloned();
            json["type"] = Value::from("recurring");
            json["recurring"] =
                catalog::recurring(interval, interval_count.unwrap_or(Value::from(1)));
        }
        if let Some(behavior) = &data.tax_behavior {
            json["tax_behavior"] = Value::from(behavior.as_str());
        }
        Ok(ItemPrice {
            json,
            unit_amount,
            unit_amount_decimal: decimal,
            currency: price.currency,
            description: name,
            product,
        })
    }

    /// The line items an update's whole array leaves `session` with, in the array's order
    /// (Stripe's API reference for the update: send the entire array; an item's `id` alone
    /// keeps it, its `id` with fields changes those fields, `price` or `price_data` with a
    /// `quantity` adds an item, an id left out removes its item, and the position is the
    /// order). An id may appear once, and must be one of the session's items.
    pub(crate) fn updated_line_items(
        &self,
        session: &StoredSession,
        items: &[UpdateLineItem],
    ) -> Result<Vec<StoredLineItem>, ErrorAnswer> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(items.len());
        for (n, item) in items.iter().enumerate() {
            let param = |field: &str| format!("line_items[{n}][{field}]");
            if item.tax_rates.as_ref().is_some_and(|r| *r != Clear::Clear) {
                return Err(ErrorAnswer::invalid(
                    param("tax_rates"),
                    "FakeStripe does not model tax rates; only `tax_rates=` (none) is taken.",
                ));
            }
            let Some(id) = &item.id else {
                let added = LineItemInput {
                    price: item.price.clone(),
                    price_data: item.price_data.clone(),
                    quantity: item.quantity,
                    metadata: item.metadata.clone(),
                    adjustable_quantity: item.adjustable_quantity.clone(),
                };
                out.push(self.new_line_item(&added, n)?);
                continue;
            };
            if !seen.insert(id.as_str()) {
                return Err(ErrorAnswer::invalid(
                    param("id"),
                    format!(
                        "The line item {id} appears more than once in `line_items`; list each \
                         item once."
                    ),
                ));
            }
            let mut kept = session
                .line_items
                .iter()
                .find(|li| &li.id == id)
                .cloned()
                .ok_or_else(|| ErrorAnswer::no_such_in_params("line item", id, param("id")))?;
            if item.price.is_some() || item.price_data.is_some() {
                let price = self.item_price(item.price.as_deref(), item.price_data.as_ref(), n)?;
                kept.price = price.json;
                kept.unit_amount = price.unit_amount;
                kept.unit_amount_decimal = price.unit_amount_decimal;
                kept.currency = price.currency;
                kept.description = price.description;
                kept.product = price.product;
            }
            if let Some(quantity) = item.quantity {
                kept.quantity = quantity;
            }
            if let Some(metadata) = &item.metadata {
                apply_metadata(&mut kept.metadata, metadata);
            }
            if let Some(adjustable) = &item.adjustable_quantity {
                kept.adjustable_quantity = Some(adjustable.clone());
            }
            out.push(kept);
        }
        check_item_count(&session.mode, &out)?;
        check_recurring(&session.mode, &out)?;
        Ok(out)
    }

    /// The one currency of `items`; items in different currencies are refused.
    pub(crate) fn common_currency(
        &self,
        items: &[StoredLineItem],
    ) -> Result<Option<String>, ErrorAnswer> {
        let Some(first) = items.first() else {
            return Ok(None);
        };
        for (i, item) in items.iter().enumerate() {
            if item.currency != first.currency {
                return Err(ErrorAnswer::invalid(
                    format!("line_items[{i}]"),
                    format!(
                        "All line items must be in the same currency; line_items[{i}] is in {} \
                         but line_items[0] is in {}.",
                        item.currency, first.currency
                    ),
                ));
            }
        }
        Ok(Some(first.currency.clone()))
    }
}

/// The item-count bounds of [`MAX_PAYMENT_ITEMS`] and [`MAX_SUBSCRIPTION_ITEMS_OF_A_KIND`].
pub(crate) fn check_item_count(mode: &str, items: &[StoredLineItem]) -> Result<(), ErrorAnswer> {
    let too_many = |message: String| Err(ErrorAnswer::invalid("line_items", message));
    match mode {
        "payment" if items.len() > MAX_PAYMENT_ITEMS => too_many(format!(
            "A Checkout Session in payment mode takes at most {MAX_PAYMENT_ITEMS} line items."
        )),
        "subscription" => {
            let recurring = items.iter().filter(|i| i.is_recurring()).count();
            let one_time = items.len() - recurring;
            if recurring.max(one_time) > MAX_SUBSCRIPTION_ITEMS_OF_A_KIND {
                too_many(format!(
                    "A Checkout Session in subscription mode takes at most \
                     {MAX_SUBSCRIPTION_ITEMS_OF_A_KIND} recurring and \
                     {MAX_SUBSCRIPTION_ITEMS_OF_A_KIND} one-time line items."
                ))
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
}

/// A session bills recurring prices in `subscription` mode only, and a subscription needs one
/// to bill (the official SDK's comment on `mode`: "Pass `subscription` if the Checkout Session
/// includes at least one recurring item"). Stripe's docs do not quote its refusals; the
/// messages follow the wording of its live answers as commonly reported.
pub(crate) fn check_recurring(mode: &str, items: &[StoredLineItem]) -> Result<(), ErrorAnswer> {
    let any_recurring = items.iter().any(StoredLineItem::is_recurring);
    match mode {
        "payment" if any_recurring => Err(ErrorAnswer::invalid(
            "line_items",
            "You specified `payment` mode but passed a recurring price. Either switch to \
             `subscription` mode or use only one-time prices.",
        )),
        "subscription" if !any_recurring => Err(ErrorAnswer::invalid(
            "line_items",
            "You must provide at least one recurring price in `subscription` mode when using \
             prices.",
        )),
        _ => Ok(()),
    }
}
