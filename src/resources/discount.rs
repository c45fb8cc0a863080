//! The request parameter that puts a discount on a Checkout Session: [`Discount`] (one entry
//! of `discounts`) and [`CouponData`] (an inline coupon created for that session only).
//!
//! Stripe's discount objects, as answers carry them, are in the coupon, promotion code and
//! applied-discount files.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use crate::declare::params::{Check, Param, params, unchecked};
use crate::error::{Error, Result};
use crate::ids::{CouponId, PromotionCodeId};
use crate::metadata::Metadata;
use crate::resources::coupons::CouponDuration;

/// One entry of a session's `discounts`: an existing coupon, a promotion code, or an inline
/// coupon ([`CouponData`]). Stripe applies at most one discount to a Checkout Session.
///
/// The wire form is the same as the official SDKs': `discounts[0][coupon]=…`,
/// `discounts[0][promotion_code]=…` or `discounts[0][coupon_data][…]=…`; with the
/// `deserialize-params` feature it reads the JSON `{"coupon": "…"}`, `{"promotion_code": "…"}` or
/// `{"coupon_data": {…}}`.
///
/// ```
/// use stripe_checkout_client::discounts::{CouponData, Discount};
/// use stripe_checkout_client::form;
///
/// #[derive(serde::Serialize)]
/// struct Params {
///     discounts: Vec<Discount>,
/// }
///
/// let by_id = Params { discounts: vec![Discount::Coupon("SUMMER25".parse()?)] };
/// assert_eq!(
///     form::to_pairs(&by_id)?,
///     [("discounts[0][coupon]".to_owned(), "SUMMER25".to_owned())]
/// );
///
/// let inline = Params {
///     discounts: vec![Discount::CouponData(
///         CouponData::amount_off(2000, "usd").name("Customer Discount"),
///     )],
/// };
/// assert_eq!(
///     form::to_pairs(&inline)?,
///     [
///         ("discounts[0][coupon_data][name]".to_owned(), "Customer Discount".to_owned()),
///         ("discounts[0][coupon_data][amount_off]".to_owned(), "2000".to_owned()),
///         ("discounts[0][coupon_data][currency]".to_owned(), "usd".to_owned()),
///     ]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
#[serde(rename_all = "snake_case", try_from = "DiscountFields")]
#[non_exhaustive]
pub enum Discount {
    /// An existing coupon, by id.
    Coupon(CouponId),
    /// A promotion code object (`promo_…`), not the code the customer types.
    PromotionCode(PromotionCodeId),
    /// An inline coupon, created for this session only: what the server-driven discount flow
    /// sends.
    CouponData(CouponData),
}

impl Discount {
    /// The inline coupon, for a [`Discount::CouponData`].
    ///
    /// ```
    /// use stripe_checkout_client::discounts::{CouponData, Discount};
    /// let d = Discount::CouponData(CouponData::percent_off(10.0));
    /// assert_eq!(d.as_coupon_data().and_then(|c| c.percent_off), Some(10.0));
    /// assert!(Discount::Coupon("SUMMER25".parse()?).as_coupon_data().is_none());
    /// # Ok::<(), stripe_checkout_client::ids::InvalidId>(())
    /// ```
    pub fn as_coupon_data(&self) -> Option<&CouponData> {
        match self {
            Discount::CouponData(data) => Some(data),
            _ => None,
        }
    }

    /// Checks the discount; `prefix` is its place in the request (`discounts[0]`).
    ///
    /// Every kind is checked here; which kinds an endpoint takes is its params' business (an
    /// update takes `coupon` or `coupon_data` only, see `UpdateSession`). Ids are checked
    /// again because params read from JSON hold them unchecked.
    pub(crate) fn validate(&self, prefix: &str) -> Result<()> {
        match self {
            Discount::Coupon(id) => CouponId::new(id.as_str())
                .map(drop)
                .map_err(|e| Error::invalid_param(format!("{prefix}[coupon]"), e.to_string())),
            Discount::PromotionCode(id) => {
                PromotionCodeId::new(id.as_str()).map(drop).map_err(|e| {
                    Error::invalid_param(format!("{prefix}[promotion_code]"), e.to_string())
                })
            }
            Discount::CouponData(data) => {
                let named = format!("{prefix}[coupon_data]");
                Check::check(data, Param::Name(&named))
            }
        }
    }
}

/// As serde writes the enum: the variant's name, then its value (`discounts[0][coupon]=…`).
impl Check for Discount {
    fn check(&self, param: Param<'_>) -> Result<()> {
        self.validate(&param.to_string())
    }
}

impl crate::wire::encode::Encode for Discount {
    fn encode(&self, out: &mut crate::wire::encode::Writer) {
        match self {
            Discount::Coupon(id) => out.field("coupon", id),
            Discount::PromotionCode(id) => out.field("promotion_code", id),
            Discount::CouponData(data) => out.field("coupon_data", data),
        }
    }
}

impl From<CouponData> for Discount {
    fn from(data: CouponData) -> Self {
        Discount::CouponData(data)
    }
}

impl From<CouponId> for Discount {
    fn from(id: CouponId) -> Self {
        Discount::Coupon(id)
    }
}

impl From<PromotionCodeId> for Discount {
    fn from(id: PromotionCodeId) -> Self {
        Discount::PromotionCode(id)
    }
}

/// The SDKs' JSON shape of a discount, three optional keys of which exactly one is set.
#[cfg(feature = "deserialize-params")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscountFields {
    #[serde(default)]
    coupon: Option<CouponId>,
    #[serde(default)]
    promotion_code: Option<PromotionCodeId>,
    #[serde(default)]
    coupon_data: Option<CouponData>,
}

#[cfg(feature = "deserialize-params")]
impl TryFrom<DiscountFields> for Discount {
    type Error = &'static str;

    fn try_from(fields: DiscountFields) -> std::result::Result<Self, Self::Error> {
        match (fields.coupon, fields.promotion_code, fields.coupon_data) {
            (Some(id), None, None) => Ok(Discount::Coupon(id)),
            (None, Some(id), None) => Ok(Discount::PromotionCode(id)),
            (None, None, Some(data)) => Ok(Discount::CouponData(data)),
            _ => Err("a discount sets exactly one of `coupon`, `promotion_code` or `coupon_data`"),
        }
    }
}

params! {
    /// An inline coupon (`coupon_data`): either a fixed amount off in a currency, or a percentage
    /// off, with an optional name, duration and metadata.
    ///
    /// Fields are sent in the order the official SDKs send them for the guide's example: `name`
    /// first, then `amount_off` and `currency`.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::CouponData;
    /// use stripe_checkout_client::coupons::CouponDuration;
    ///
    /// let fixed = CouponData::amount_off(2000, "usd").name("Customer Discount");
    /// assert_eq!(fixed.amount_off, Some(2000));
    ///
    /// let loyalty = CouponData::percent_off(15.0)
    ///     .name("Gold tier")
    ///     .repeating(3)
    ///     .metadata("tier", "gold");
    /// assert_eq!(loyalty.duration, Some(CouponDuration::Repeating));
    /// assert_eq!(loyalty.duration_in_months, Some(3));
    /// ```
    pub struct CouponData {
        /// The name customers see on the receipt and the checkout page (at most 40 characters).
        name: String => into,
        /// The amount to take off, in the currency's smallest unit (cents for `usd`).
        amount_off: i64 => constructed,
        /// The three-letter ISO currency code of `amount_off` (`usd`).
        currency: String => constructed,
        /// The percentage to take off, in `(0, 100]`.
        percent_off: f64 => constructed,
        /// How long the discount lasts on a subscription.
        duration: CouponDuration => into,
        /// How many months a [`CouponDuration::Repeating`] discount lasts.
        duration_in_months: i64 => plain,
        /// Metadata stored on the generated coupon.
        metadata: Metadata => metadata,
    }
    check(coupon_data_rules);
    new(empty);
}

unchecked!(CouponDuration);

fn coupon_data_rules(data: &CouponData, param: Param<'_>) -> Result<()> {
    data.validate(&param.to_string())
}

/// The longest coupon name Stripe accepts, in characters.
const MAX_COUPON_NAME_CHARS: usize = 40;

impl CouponData {
    /// A fixed amount off, in `currency`'s smallest unit: `amount_off(2000, "usd")` is
    /// US$20.00 off.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::CouponData;
    /// let c = CouponData::amount_off(2000, "usd");
    /// assert_eq!((c.amount_off, c.currency.as_deref()), (Some(2000), Some("usd")));
    /// ```
    pub fn amount_off(amount: i64, currency: impl Into<String>) -> Self {
        Self {
            amount_off: Some(amount),
            currency: Some(currency.into()),
            ..Self::empty()
        }
    }

    /// A percentage off, in `(0, 100]`: `percent_off(12.5)` is 12.5% off.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::CouponData;
    /// assert_eq!(CouponData::percent_off(12.5).percent_off, Some(12.5));
    /// ```
    pub fn percent_off(percent: f64) -> Self {
        Self {
            percent_off: Some(percent),
            ..Self::empty()
        }
    }

    /// Shorthand for `.duration(CouponDuration::Repeating).duration_in_months(months)`.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::CouponData;
    /// use stripe_checkout_client::coupons::CouponDuration;
    /// let c = CouponData::amount_off(500, "eur").repeating(3);
    /// assert_eq!((c.duration, c.duration_in_months), (Some(CouponDuration::Repeating), Some(3)));
    /// ```
    pub fn repeating(self, months: i64) -> Self {
        self.duration(CouponDuration::Repeating)
            .duration_in_months(months)
    }

    /// Checks the rules Stripe documents; `prefix` is where the coupon's fields sit
    /// (`discounts[0][coupon_data]`), or empty for a coupon of its own (`CreateCoupon`).
    pub(crate) fn validate(&self, prefix: &str) -> Result<()> {
        let field = |name: &str| {
            if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix}[{name}]")
            }
        };
        let whole = if prefix.is_empty() {
            "amount_off"
        } else {
            prefix
        };
        match (self.amount_off, self.percent_off) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid_param(
                    whole,
                    "set either `amount_off` or `percent_off`, not both",
                ));
            }
            (None, None) => {
                return Err(Error::invalid_param(
                    whole,
                    "set one of `amount_off` or `percent_off`",
                ));
            }
            (Some(amount), None) => {
                if amount <= 0 {
                    return Err(Error::invalid_param(
                        field("amount_off"),
                        format!("must be a positive amount, got {amount}"),
                    ));
                }
                if self.currency.is_none() {
                    return Err(Error::invalid_param(
                        field("currency"),
                        "is required with `amount_off`",
                    ));
                }
            }
            (None, Some(percent)) => {
                // `!(0 < p <= 100)` also rejects NaN.
                if !(percent > 0.0 && percent <= 100.0) {
                    return Err(Error::invalid_param(
                        field("percent_off"),
                        format!("must be greater than 0 and at most 100, got {percent}"),
                    ));
                }
            }
        }
        if let Some(currency) = &self.currency {
            check_currency(Param::Name(&field("currency")), currency)?;
        }
        if let Some(name) = &self.name {
            check_coupon_name(&field("name"), name)?;
        }
        match (&self.duration, self.duration_in_months) {
            (Some(CouponDuration::Repeating), None) => {
                return Err(Error::invalid_param(
                    field("duration_in_months"),
                    "is required when `duration` is `repeating`",
                ));
            }
            (Some(CouponDuration::Repeating), Some(months)) if months < 1 => {
                return Err(Error::invalid_param(
                    field("duration_in_months"),
                    format!("must be at least 1, got {months}"),
                ));
            }
            (Some(CouponDuration::Repeating), Some(_)) => {}
            (_, Some(_)) => {
                return Err(Error::invalid_param(
                    field("duration_in_months"),
                    "is only allowed when `duration` is `repeating`",
                ));
            }
            (_, None) => {}
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate(&field("metadata"))?;
        }
        Ok(())
    }
}

/// Checks that a coupon's `name` fits Stripe's limit; `param` names it.
pub(crate) fn check_coupon_name(param: &str, name: &str) -> Result<()> {
    if name.chars().count() > MAX_COUPON_NAME_CHARS {
        return Err(Error::invalid_param(
            param,
            format!("must be at most {MAX_COUPON_NAME_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Checks that `currency` is a three-letter ISO code (`usd`, `EUR`); `param` names it.
pub(crate) fn check_currency(param: Param<'_>, currency: &str) -> Result<()> {
    if currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(param.invalid(format!(
            "must be a three-letter iso currency code, got `{currency}`"
        )))
    }
}

#[cfg(test)]
mod tests {
    use crate::form::pairs;
    use serde_json::json;

    use super::*;
    use crate::form;

    fn coupon(id: &str) -> Discount {
        Discount::Coupon(id.parse().unwrap())
    }

    /// A discount as read from JSON, where ids are not checked.
    fn unchecked(value: serde_json::Value) -> Discount {
        serde_json::from_value(value).unwrap()
    }

    #[derive(Serialize)]
    struct Params<'a> {
        discounts: &'a [Discount],
    }

    fn pairs_of(discounts: &[Discount]) -> Vec<(String, String)> {
        form::to_pairs(&Params { discounts }).unwrap()
    }

    #[test]
    fn coupon_data_sends_name_then_amount_then_currency() {
        let d = Discount::CouponData(CouponData::amount_off(2000, "usd").name("Customer Discount"));
        assert_eq!(
            pairs_of(&[d]),
            pairs(&[
                ("discounts[0][coupon_data][name]", "Customer Discount"),
                ("discounts[0][coupon_data][amount_off]", "2000"),
                ("discounts[0][coupon_data][currency]", "usd"),
            ])
        );
    }

    #[test]
    fn every_coupon_data_field_encodes() {
        let d = Discount::CouponData(
            CouponData::percent_off(12.5)
                .name("Gold")
                .repeating(3)
                .metadata("tier", "gold")
                .metadata("rule", "loyalty"),
        );
        assert_eq!(
            pairs_of(&[d]),
            pairs(&[
                ("discounts[0][coupon_data][name]", "Gold"),
                ("discounts[0][coupon_data][percent_off]", "12.5"),
                ("discounts[0][coupon_data][duration]", "repeating"),
                ("discounts[0][coupon_data][duration_in_months]", "3"),
                ("discounts[0][coupon_data][metadata][tier]", "gold"),
                ("discounts[0][coupon_data][metadata][rule]", "loyalty"),
            ])
        );
        assert_eq!(
            pairs_of(&[Discount::CouponData(CouponData::percent_off(10.0))]),
            pairs(&[("discounts[0][coupon_data][percent_off]", "10")])
        );
    }

    #[test]
    fn ids_encode_by_kind() {
        assert_eq!(
            pairs_of(&[coupon("SUMMER25")]),
            pairs(&[("discounts[0][coupon]", "SUMMER25")])
        );
        assert_eq!(
            pairs_of(&[Discount::PromotionCode("promo_1".parse().unwrap())]),
            pairs(&[("discounts[0][promotion_code]", "promo_1")])
        );
    }

    #[test]
    fn deserializes_the_sdk_shape() {
        let d: Discount = serde_json::from_value(json!({
            "coupon_data": {"name": "Customer Discount", "amount_off": 2000, "currency": "usd",
                            "duration": "once", "metadata": {"k": "v"}}
        }))
        .unwrap();
        assert_eq!(
            d,
            Discount::CouponData(
                CouponData::amount_off(2000, "usd")
                    .name("Customer Discount")
                    .duration(CouponDuration::Once)
                    .metadata("k", "v")
            )
        );
        let d: Discount = serde_json::from_value(json!({"coupon": "SUMMER25"})).unwrap();
        assert_eq!(d, coupon("SUMMER25"));
        let d: Discount =
            serde_json::from_value(json!({"coupon_data": {"percent_off": 10}})).unwrap();
        assert_eq!(d, Discount::CouponData(CouponData::percent_off(10.0)));
        assert!(serde_json::from_value::<Discount>(json!({"cupon": "x"})).is_err());
        // Exactly one of the three keys.
        for bad in [
            json!({}),
            json!({"coupon": "A", "coupon_data": {"percent_off": 5}}),
            json!({"coupon": "A", "promotion_code": "promo_1"}),
        ] {
            assert!(
                serde_json::from_value::<Discount>(bad.clone()).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            serde_json::to_value(coupon("A")).unwrap(),
            json!({"coupon": "A"})
        );
    }

    fn param_of(d: &Discount) -> String {
        match d.validate("discounts[0]") {
            Err(Error::InvalidParams { param, message }) => {
                assert!(
                    !message.ends_with('.')
                        && message.chars().next().is_some_and(|c| !c.is_uppercase()),
                    "message style: {message}"
                );
                param
            }
            other => panic!("{d:?}: {other:?}"),
        }
    }

    #[test]
    fn validation_names_the_param() {
        let data = Discount::CouponData;
        let mut both_offs = CouponData::amount_off(100, "usd");
        both_offs.percent_off = Some(5.0);
        let mut no_offs = CouponData::amount_off(100, "usd");
        no_offs.amount_off = None;
        let mut no_currency = CouponData::amount_off(100, "usd");
        no_currency.currency = None;
        let cases: Vec<(Discount, &str)> = vec![
            (
                unchecked(json!({"promotion_code": "SUMMER"})),
                "discounts[0][promotion_code]",
            ),
            (unchecked(json!({"coupon": "a b"})), "discounts[0][coupon]"),
            (unchecked(json!({"coupon": ""})), "discounts[0][coupon]"),
            (data(both_offs), "discounts[0][coupon_data]"),
            (data(no_offs), "discounts[0][coupon_data]"),
            (
                data(CouponData::amount_off(0, "usd")),
                "discounts[0][coupon_data][amount_off]",
            ),
            (
                data(CouponData::amount_off(-5, "usd")),
                "discounts[0][coupon_data][amount_off]",
            ),
            (data(no_currency), "discounts[0][coupon_data][currency]"),
            (
                data(CouponData::amount_off(100, "dollars")),
                "discounts[0][coupon_data][currency]",
            ),
            (
                data(CouponData::amount_off(100, "u$d")),
                "discounts[0][coupon_data][currency]",
            ),
            (
                data(CouponData::percent_off(0.0)),
                "discounts[0][coupon_data][percent_off]",
            ),
            (
                data(CouponData::percent_off(-1.0)),
                "discounts[0][coupon_data][percent_off]",
            ),
            (
                data(CouponData::percent_off(100.5)),
                "discounts[0][coupon_data][percent_off]",
            ),
            (
                data(CouponData::percent_off(f64::NAN)),
                "discounts[0][coupon_data][percent_off]",
            ),
            (
                data(CouponData::percent_off(5.0).name("n".repeat(41))),
                "discounts[0][coupon_data][name]",
            ),
            (
                data(CouponData::percent_off(5.0).duration(CouponDuration::Repeating)),
                "discounts[0][coupon_data][duration_in_months]",
            ),
            (
                data(CouponData::percent_off(5.0).repeating(0)),
                "discounts[0][coupon_data][duration_in_months]",
            ),
            (
                data(CouponData::percent_off(5.0).duration_in_months(3)),
                "discounts[0][coupon_data][duration_in_months]",
            ),
            (
                data(
                    CouponData::percent_off(5.0)
                        .duration(CouponDuration::Once)
                        .duration_in_months(3),
                ),
                "discounts[0][coupon_data][duration_in_months]",
            ),
            (
                data(CouponData::percent_off(5.0).metadata("", "v")),
                "discounts[0][coupon_data][metadata]",
            ),
        ];
        for (discount, want) in cases {
            assert_eq!(param_of(&discount), want, "{discount:?}");
        }
        let long_key = data(CouponData::percent_off(5.0).metadata("k".repeat(41), "v"));
        assert_eq!(
            param_of(&long_key),
            format!("discounts[0][coupon_data][metadata][{}]", "k".repeat(41))
        );
    }

    #[test]
    fn valid_discounts_pass() {
        let ok = [
            coupon("SUMMER25"),
            Discount::PromotionCode("promo_1".parse().unwrap()),
            Discount::CouponData(CouponData::amount_off(1, "USD")),
            Discount::CouponData(CouponData::percent_off(100.0)),
            Discount::CouponData(CouponData::percent_off(0.01).repeating(1)),
            Discount::CouponData(
                CouponData::amount_off(2000, "usd")
                    .name("n".repeat(40))
                    .duration(CouponDuration::Forever)
                    .metadata("k", "v"),
            ),
        ];
        for d in ok {
            assert!(d.validate("discounts[0]").is_ok(), "{d:?}");
        }
    }
}
