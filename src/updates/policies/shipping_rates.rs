//! [`ShippingRates`]: the shipping rates for the address the shopper typed — a rate table by
//! country, free shipping over a cart total, and a refusal, in words the shopper may read, of
//! the countries you do not ship to.

use async_trait::async_trait;

use crate::checkout::params::{ShippingOption, ShippingRateData};
use crate::updates::{Changes, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest};

/// What a shopper reads when their address is in a country you do not ship to, unless
/// [`ShippingRates::refusal_message`] sets another.
pub const NO_SHIPPING_MESSAGE: &str = "Sorry, we do not ship to that country.";

/// Sets the shipping details the page sent and offers the rates of their country (Stripe's
/// "dynamically customize shipping options" guide: validate the address, show only the
/// methods that apply to it, price them from it, free shipping over an order total).
///
/// - The request's `shipping_details` (see
///   [`UpdateRequest::shipping_details`](crate::updates::UpdateRequest::shipping_details)) are
///   set on the session and priced. A request without them reprices the address the session
///   already has, so a policy that changes the cart before this one moves the free-shipping
///   threshold too; a session without an address gets nothing.
/// - A country's rates are offered in the order given; the first one is selected.
/// - With [`free_over`](Self::free_over), the first rate is free while the cart's subtotal
///   (before discounts, after the changes of the policies before this one) is strictly over
///   the amount. A subtotal that cannot be known (a new line priced by id) is not over it.
/// - An address in a country without rates is refused with [`NO_SHIPPING_MESSAGE`]; nothing
///   is sent.
///
/// ```
/// use stripe_checkout_client::updates::{SessionView, UpdatePolicy, UpdateRequest};
/// use stripe_checkout_client::updates::policies::ShippingRates;
///
/// let rates = ShippingRates::new()
///     .country("US", [("Standard", 500), ("Express", 1_500)])
///     .countries(["DE", "FR"], [("International", 2_000)])
///     .free_over(10_000);
/// let session = SessionView::from_json(serde_json::to_vec(&serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session", "currency": "usd", "amount_subtotal": 12_000,
/// }))?)?;
/// let request = UpdateRequest::from_json(br#"{"checkout_session_id":"cs_test_1",
///     "shipping_details":{"name":"Ada","address":{"line1":"1 Main St","country":"US"}}}"#)?;
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// let changes = rt.block_on(rates.changes(&request, &session))?;
/// let options = changes.shipping_options.expect("priced");
/// let amounts: Vec<i64> = options
///     .iter()
///     .map(|o| o.shipping_rate_data.as_ref().unwrap().fixed_amount.as_ref().unwrap().amount)
///     .collect();
/// assert_eq!(amounts, [0, 1_500]); // standard is free over 100.00
///
/// let elsewhere = UpdateRequest::from_json(br#"{"checkout_session_id":"cs_test_1",
///     "shipping_details":{"name":"Ada","address":{"line1":"1 Rue","country":"BE"}}}"#)?;
/// let refused = rt.block_on(rates.changes(&elsewhere, &session)).unwrap_err();
/// assert_eq!(refused.customer_message(), Some("Sorry, we do not ship to that country."));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShippingRates {
    /// Country code, uppercase, sorted → (rate name, amount), in the order offered. A sorted
    /// list rather than a map: tables are small, and a map type of its own costs more
    /// compiled code than the lookup saves.
    rates: Vec<(String, Vec<(String, i64)>)>,
    free_over: Option<i64>,
    refusal: String,
}

impl Default for ShippingRates {
    fn default() -> Self {
        Self {
            rates: Vec::new(),
            free_over: None,
            refusal: NO_SHIPPING_MESSAGE.to_owned(),
        }
    }
}

impl ShippingRates {
    /// No country yet: every address is refused until one is added.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same table, shipping to `country` (two-letter code, any case) at `rates`: names
    /// and amounts in the session currency's smallest unit, the first one selected.
    #[must_use]
    pub fn country<N: Into<String>>(
        mut self,
        country: &str,
        rates: impl IntoIterator<Item = (N, i64)>,
    ) -> Self {
        let rates = rates.into_iter().map(|(n, a)| (n.into(), a)).collect();
        let country = country.to_ascii_uppercase();
        match self.rates.binary_search_by(|(c, _)| c.cmp(&country)) {
            Ok(at) => self.rates[at].1 = rates,
            Err(at) => self.rates.insert(at, (country, rates)),
        }
        self
    }

    /// The same table, shipping to each of `countries` at the same `rates`.
    #[must_use]
    pub fn countries<'c, N: Into<String> + Clone>(
        mut self,
        countries: impl IntoIterator<Item = &'c str>,
        rates: impl IntoIterator<Item = (N, i64)>,
    ) -> Self {
        let rates: Vec<(N, i64)> = rates.into_iter().collect();
        for country in countries {
            self = self.country(country, rates.iter().cloned());
        }
        self
    }

    /// The same table, with the first rate free while the cart's subtotal (before discounts,
    /// so a code does not take free shipping away) is strictly over `amount`.
    #[must_use]
    pub fn free_over(mut self, amount: i64) -> Self {
        self.free_over = Some(amount);
        self
    }

    /// The same table, refusing other countries with `message` (shown to the shopper).
    #[must_use]
    pub fn refusal_message(mut self, message: impl Into<String>) -> Self {
        self.refusal = message.into();
        self
    }

    /// The rates offered for `country` and a cart of `subtotal`, as shipping options in
    /// `currency`; `None` when the country gets no shipping.
    pub fn options_for(
        &self,
        country: &str,
        subtotal: Option<i64>,
        currency: &str,
    ) -> Option<Vec<ShippingOption>> {
        let country = country.to_ascii_uppercase();
        let at = self.rates.binary_search_by(|(c, _)| c.cmp(&country)).ok()?;
        let rates = &self.rates[at].1;
        let free = self
            .free_over
            .is_some_and(|over| subtotal.is_some_and(|s| s > over));
        Some(
            rates
                .iter()
                .enumerate()
                .map(|(i, (name, amount))| {
                    let amount = if free && i == 0 { 0 } else { *amount };
                    ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount(
                        name.clone(),
                        amount,
                        currency,
                    ))
                })
                .collect(),
        )
    }
}

#[async_trait]
impl UpdatePolicy for ShippingRates {
    fn parts(&self) -> Vec<Part> {
        vec![Part::ShippingDetails, Part::ShippingOptions]
    }

    async fn changes(
        &self,
        request: &UpdateRequest,
        view: &SessionView,
    ) -> Result<Changes, Rejection> {
        let sent = request.shipping_details()?;
        let Some(details) = sent.clone().or_else(|| view.shipping_details()) else {
            return Ok(Changes::none());
        };
        let currency = view
            .currency()
            .ok_or_else(|| Rejection::new("the session has no currency to price shipping in"))?;
        let country = details.address.country.to_ascii_uppercase();
        let Some(options) = self.options_for(&country, view.subtotal(), currency) else {
            return Err(
                Rejection::new(format!("no shipping rates for country {country}"))
                    .with_customer_message(self.refusal.clone()),
            );
        };
        let changes = Changes::none().shipping_options(options);
        Ok(match sent {
            Some(details) => changes.shipping_details(details),
            None => changes,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn amounts(options: &[ShippingOption]) -> Vec<(String, i64, String)> {
        options
            .iter()
            .map(|o| {
                let data = o.shipping_rate_data.as_ref().unwrap();
                let fixed = data.fixed_amount.as_ref().unwrap();
                (
                    data.display_name.clone(),
                    fixed.amount,
                    fixed.currency.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_first_rate_is_free_strictly_over_the_threshold() {
        let rates = ShippingRates::new()
            .countries(["us", "CA"], [("Standard", 500), ("Express", 1_500)])
            .free_over(10_000);
        let at = |subtotal| amounts(&rates.options_for("US", subtotal, "usd").unwrap());
        assert_eq!(
            at(Some(10_000)),
            [
                ("Standard".into(), 500, "usd".into()),
                ("Express".into(), 1_500, "usd".into())
            ]
        );
        assert_eq!(at(Some(10_001))[0].1, 0);
        assert_eq!(at(Some(10_001))[1].1, 1_500);
        assert_eq!(at(None)[0].1, 500, "an unknown subtotal is not over");
        assert_eq!(
            amounts(&rates.options_for("ca", Some(1), "cad").unwrap())[0].2,
            "cad"
        );
        assert!(rates.options_for("MX", Some(1), "usd").is_none());
        let no_threshold = ShippingRates::new().country("US", [("Standard", 500)]);
        assert_eq!(
            amounts(
                &no_threshold
                    .options_for("US", Some(1_000_000), "usd")
                    .unwrap()
            )[0]
            .1,
            500
        );
    }

    #[test]
    fn another_country_is_refused_with_the_message_set() {
        let rates = ShippingRates::new()
            .country("US", [("Standard", 500)])
            .refusal_message("We ship to the US only.");
        let s = SessionView::from_json(serde_json::to_vec(&json!({
            "id": "cs_test_1", "object": "checkout.session", "currency": "usd", "amount_subtotal": 100,
        })).unwrap())
        .unwrap();
        let request = UpdateRequest::new("cs_test_1".parse().unwrap()).with_field(
            "shipping_details",
            json!({"name": "Ada", "address": {"line1": "1 Rue", "country": "FR"}}),
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let refused = rt.block_on(rates.changes(&request, &s)).unwrap_err();
        assert_eq!(refused.customer_message(), Some("We ship to the US only."));
        assert_eq!(refused.reason(), "no shipping rates for country FR");
        // Without an address sent or kept, nothing changes.
        let bare = UpdateRequest::new("cs_test_1".parse().unwrap());
        assert!(rt.block_on(rates.changes(&bare, &s)).unwrap().is_empty());
    }
}
