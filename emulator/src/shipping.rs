//! Shipping rates and a session's shipping options: the rates the emulator knows (added by a
//! test or a seed, or made from a session's inline `shipping_rate_data`), how a session's
//! `shipping_options` param becomes its list of rates, and how the rates, the options and the
//! selected option's `shipping_cost` render.
//!
//! Facts (the "Dynamically customize shipping options" guide and the official SDK types):
//! `shipping_options` holds at most 5 entries and can be cleared with an empty value; each entry
//! names a `shipping_rate` id or gives `shipping_rate_data` (`display_name` required, `type`
//! only `fixed_amount`, whose `fixed_amount{amount, currency, currency_options}` must then be
//! present). Which sessions may take shipping options is `update_rules`'; the totals that
//! include the selected option are `session_state`'s.

use serde_json::{Map, Value, json};

use crate::catalog::metadata_pairs;
use crate::error_answer::ErrorAnswer;
use crate::id_gen::new_id;
use crate::input::{Expand, ShippingOptionInput, ShippingRateData};
use crate::session_state::CatalogView;
use crate::store::Store;

/// Most shipping options a session takes (the SDK types: "Up to a maximum of 5").
const MAX_SHIPPING_OPTIONS: usize = 5;

/// A fixed-amount shipping rate.
#[derive(Clone, Debug)]
pub(crate) struct StoredShippingRate {
    pub(crate) id: String,
    pub(crate) display_name: String,
    pub(crate) amount: i64,
    pub(crate) currency: String,
    /// Amounts in other currencies, by currency code, with their tax behaviour if set.
    pub(crate) currency_options: Vec<(String, i64, Option<String>)>,
    pub(crate) delivery_estimate: Option<Value>,
    pub(crate) metadata: Vec<(String, String)>,
    pub(crate) tax_behavior: Option<String>,
    pub(crate) tax_code: Option<String>,
    pub(crate) created: i64,
    /// Made from a session's `shipping_rate_data`: forgotten with the last session that
    /// offers it, as an inline coupon is.
    pub(crate) inline: bool,
}

impl StoredShippingRate {
    /// The rate's amount in `currency`: its own, or a currency option's.
    pub(crate) fn amount_in(&self, currency: &str) -> Option<i64> {
        if self.currency.eq_ignore_ascii_case(currency) {
            return Some(self.amount);
        }
        self.currency_options
            .iter()
            .find(|(c, _, _)| c.eq_ignore_ascii_case(currency))
            .map(|(_, amount, _)| *amount)
    }

    /// Stripe's `shipping_rate` object.
    pub(crate) fn to_json(&self) -> Value {
        let mut fixed_amount = json!({"amount": self.amount, "currency": self.currency});
        if !self.currency_options.is_empty() {
            let options: Map<String, Value> = self
                .currency_options
                .iter()
                .map(|(c, amount, behavior)| {
                    let behavior = behavior.as_deref().unwrap_or("unspecified");
                    (
                        c.clone(),
                        json!({"amount": amount, "tax_behavior": behavior}),
                    )
                })
                .collect();
            fixed_amount["currency_options"] = Value::Object(options);
        }
        let estimate = self.delivery_estimate.as_ref().map(|e| {
            json!({
                "maximum": e.get("maximum").cloned().unwrap_or(Value::Null),
                "minimum": e.get("minimum").cloned().unwrap_or(Value::Null),
            })
        });
        json!({
            "id": self.id,
            "object": "shipping_rate",
            "active": true,
            "created": self.created,
            "delivery_estimate": estimate,
            "display_name": self.display_name,
            "fixed_amount": fixed_amount,
            "livemode": false,
            "metadata": Map::from_iter(self.metadata.iter().map(|(k, v)| (k.clone(), json!(v)))),
            "tax_behavior": self.tax_behavior,
            "tax_code": self.tax_code,
            "type": "fixed_amount",
        })
    }
}

/// What a session's `shipping_options` param came to: the rate ids in order, and the inline
/// rates to add once the whole request has been checked.
#[derive(Debug, Default)]
pub(crate) struct ResolvedOptions {
    pub(crate) rate_ids: Vec<String>,
    pub(crate) new_rates: Vec<StoredShippingRate>,
}

impl Store {
    /// Reads `options` for a session in `currency`: at most five; each names a known rate or
    /// gives the data of a new one, with an amount in the session's currency (the rate's own,
    /// or one of its `currency_options`). Nothing is added to the store here.
    pub(crate) fn resolve_shipping_options(
        &self,
        options: &[ShippingOptionInput],
        currency: Option<&str>,
    ) -> Result<ResolvedOptions, ErrorAnswer> {
        if options.len() > MAX_SHIPPING_OPTIONS {
            return Err(ErrorAnswer::invalid(
                "shipping_options",
                format!(
                    "A Checkout Session takes at most {MAX_SHIPPING_OPTIONS} shipping options."
                ),
            ));
        }
        let mut resolved = ResolvedOptions::default();
        for (i, option) in options.iter().enumerate() {
            let param = |field: &str| format!("shipping_options[{i}][{field}]");
            let (rate, amount_param) = match (&option.shipping_rate, &option.shipping_rate_data) {
                (Some(id), None) => {
                    let rate = self.shipping_rates.get(id).ok_or_else(|| {
                        ErrorAnswer::no_such_in_params("shipping_rate", id, param("shipping_rate"))
                    })?;
                    (rate.clone(), param("shipping_rate"))
                }
                (None, Some(data)) => {
                    let rate = self.inline_shipping_rate(data, i)?;
                    (rate, param("shipping_rate_data][fixed_amount][currency"))
                }
                (Some(_), Some(_)) => {
                    return Err(ErrorAnswer::state(
                        Some(&param("shipping_rate_data")),
                        "You may only specify one of these parameters: shipping_rate, \
                         shipping_rate_data.",
                    ));
                }
                (None, None) => return Err(ErrorAnswer::missing(param("shipping_rate"))),
            };
            if let Some(currency) = currency {
                if rate.amount_in(currency).is_none() {
                    return Err(ErrorAnswer::invalid(
                        amount_param,
                        format!(
                            "The shipping rate's amount is in {} and has no currency option in \
                             the session's currency ({currency}).",
                            rate.currency
                        ),
                    ));
                }
            }
            resolved.rate_ids.push(rate.id.clone());
            if rate.inline {
                resolved.new_rates.push(rate);
            }
        }
        Ok(resolved)
    }

    fn inline_shipping_rate(
        &self,
        data: &ShippingRateData,
        i: usize,
    ) -> Result<StoredShippingRate, ErrorAnswer> {
        // `type` is only ever `fixed_amount`, whose amount "must be present" (SDK types).
        let fixed = data.fixed_amount.as_ref().ok_or_else(|| {
            ErrorAnswer::missing(format!(
                "shipping_options[{i}][shipping_rate_data][fixed_amount]"
            ))
        })?;
        Ok(StoredShippingRate {
            id: new_id("shr_", 24),
            display_name: data.display_name.clone(),
            amount: fixed.amount,
            currency: fixed.currency.to_ascii_lowercase(),
            currency_options: fixed
                .currency_options
                .iter()
                .map(|(c, o)| (c.to_ascii_lowercase(), o.amount, o.tax_behavior.clone()))
                .collect(),
            delivery_estimate: data.delivery_estimate.clone(),
            metadata: metadata_pairs(data.metadata.as_ref()),
            tax_behavior: data.tax_behavior.clone(),
            tax_code: data.tax_code.clone(),
            created: self.now(),
            inline: true,
        })
    }

    /// Adds the inline rates of a request that passed every check.
    pub(crate) fn add_shipping_rates(&mut self, rates: Vec<StoredShippingRate>) {
        for rate in rates {
            self.shipping_rates.insert(rate.id.clone(), rate);
        }
    }

    /// Adds a fixed-amount rate a session's `shipping_options` can name by id.
    pub(crate) fn add_shipping_rate(
        &mut self,
        id: &str,
        display_name: &str,
        amount: i64,
        currency: &str,
    ) {
        let rate = StoredShippingRate {
            id: id.to_owned(),
            display_name: display_name.to_owned(),
            amount,
            currency: currency.to_ascii_lowercase(),
            currency_options: Vec::new(),
            delivery_estimate: None,
            metadata: Vec::new(),
            tax_behavior: None,
            tax_code: None,
            created: self.now(),
            inline: false,
        };
        self.shipping_rates.insert(id.to_owned(), rate);
    }

    /// Forgets an inline rate no session offers any more. Rates a test or a seed added stay.
    pub(crate) fn forget_shipping_rate_if_unused(&mut self, id: &str) {
        let inline = self.shipping_rates.get(id).is_some_and(|r| r.inline);
        let used = self
            .sessions
            .iter()
            .any(|s| s.shipping_options.iter().any(|r| r == id));
        if inline && !used {
            self.shipping_rates.remove(id);
        }
    }

    /// `GET /v1/shipping_rates/{id}`.
    pub(crate) fn retrieve_shipping_rate(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: Expand = crate::input::read(params)?;
        if let Some((i, path)) = p.expand.iter().enumerate().next() {
            return Err(ErrorAnswer::invalid(
                format!("expand[{i}]"),
                format!("This property cannot be expanded ({path})."),
            ));
        }
        self.shipping_rates
            .get(id)
            .map(StoredShippingRate::to_json)
            .ok_or_else(|| ErrorAnswer::no_such("shipping_rate", id, "id"))
    }
}

/// A session's `shipping_options` and `shipping_cost` in `currency`: each option's amount
/// and its rate (the id, or the object when expanded), and for the selected option (the
/// first) its cost, with no tax modelled.
pub(crate) fn render_shipping(
    rate_ids: &[String],
    currency: Option<&str>,
    catalog: &dyn CatalogView,
    expand_options: bool,
    expand_cost: bool,
) -> (Value, Value) {
    let rate_json = |id: &str, expanded: bool| match catalog.shipping_rate(id) {
        Some(rate) if expanded => rate.to_json(),
        _ => json!(id),
    };
    let amount = |id: &str| shipping_amount(catalog, id, currency);
    let options = rate_ids
        .iter()
        .map(|id| {
            json!({"shipping_amount": amount(id), "shipping_rate": rate_json(id, expand_options)})
        })
        .collect();
    let cost = rate_ids.first().map_or(Value::Null, |id| {
        json!({
            "amount_subtotal": amount(id),
            "amount_tax": 0,
            "amount_total": amount(id),
            "shipping_rate": rate_json(id, expand_cost),
        })
    });
    (Value::Array(options), cost)
}

/// What rate `id` charges in `currency`. A session only takes rates with an amount in its
/// currency, so 0 is only for a session with no currency.
pub(crate) fn shipping_amount(catalog: &dyn CatalogView, id: &str, currency: Option<&str>) -> i64 {
    catalog
        .shipping_rate(id)
        .and_then(|r| currency.and_then(|c| r.amount_in(c)))
        .unwrap_or(0)
}
