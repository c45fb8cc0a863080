//! The params of the promotion code endpoints: [`CreatePromotionCode`] (with how its coupon
//! is named in each API version), [`UpdatePromotionCode`] and [`ListPromotionCodes`], with
//! their setters and the rules checked before sending.
//!
//! The endpoint that sends them is `handler.rs`; the answer is
//! [`PromotionCode`](super::PromotionCode).

use crate::declare::extra::ExtraParams;
use crate::declare::params::{Param, params, unchecked};
use crate::error::{Error, Result};
use crate::ids::{CouponId, CustomerId, IntoId, PromotionCodeId};
use crate::metadata::Metadata;
use crate::resources::DiscountSourceType;
use crate::resources::discount::check_currency;
use crate::sending::paging::{check_cursors, check_limit};
use crate::versions::version_gate::{CLOVER, Gate, Rule, VersionGates};

unchecked!(DiscountSourceType);

params! {
    /// Parameters for [`PromotionCodes::create`](crate::promotion_codes::PromotionCodes::create)
    /// (`POST /v1/promotion_codes`): a customer-facing code for a coupon.
    ///
    /// The coupon is declared the way clover and later versions take it
    /// (`promotion[type]=coupon&promotion[coupon]=…`); a request to an earlier version sends
    /// basil's `coupon=…` instead, so the same call works on every version.
    ///
    /// ```
    /// use stripe_checkout_client::ApiVersion;
    /// use stripe_checkout_client::promotion_codes::CreatePromotionCode;
    ///
    /// let params = CreatePromotionCode::new("SUMMER25").code("SUMMER").max_redemptions(100);
    /// let sent = |version: ApiVersion| -> Vec<String> {
    ///     let pairs = params.form_pairs(&version).unwrap();
    ///     pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect()
    /// };
    /// assert_eq!(
    ///     sent(ApiVersion::newest_ga()),
    ///     ["promotion[type]=coupon", "promotion[coupon]=SUMMER25", "code=SUMMER", "max_redemptions=100"]
    /// );
    /// assert_eq!(
    ///     sent(ApiVersion::server_update_beta()),
    ///     ["coupon=SUMMER25", "code=SUMMER", "max_redemptions=100"]
    /// );
    /// ```
    pub struct CreatePromotionCode {
        /// What the code applies: a coupon.
        promotion: Promotion => required,
        /// The code customers type; Stripe generates one when unset. Letters, digits and
        /// dashes; unique, regardless of case, among the active codes of one customer.
        code: String => into,
        /// Whether the code can be redeemed now (Stripe's default: yes).
        active: bool => plain,
        /// The only customer who may redeem it (`cus_…`); anyone when unset.
        customer: CustomerId => id,
        /// When the code stops working, as a Unix timestamp.
        expires_at: i64 => plain,
        /// How many times the code can be redeemed in all.
        max_redemptions: u64 => plain,
        /// Metadata stored on the code.
        metadata: Metadata => metadata,
        /// Who may redeem it, and for how much (`restrictions`).
        restrictions: CodeRestrictions => into,
        /// Fields of the answer to expand.
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(create_rules);
    new(with_promotion);
}

params! {
    /// What a promotion code applies (`promotion`): for now Stripe knows one kind, a coupon.
    #[derive(Eq)]
    pub struct Promotion {
        /// The kind of promotion (`coupon`).
        type_ as "type": DiscountSourceType => required,
        /// The coupon, when the kind is `coupon`.
        coupon: CouponId => id,
    }
}

params! {
    /// Who may redeem a promotion code, and from what amount (`restrictions`).
    #[derive(Default, Eq)]
    pub struct CodeRestrictions {
        /// Only for customers without a successful payment or invoice yet.
        first_time_transaction: bool => into,
        /// The smallest order the code applies to, in `minimum_amount_currency`'s minor unit.
        minimum_amount: i64 => plain,
        /// The currency of `minimum_amount` (`usd`).
        minimum_amount_currency: String => into,
        /// The smallest order in other currencies, by lowercase currency code.
        currency_options: CodeCurrencyMinimum => map,
    }
    check(restrictions_rules);
}

params! {
    /// A promotion code's smallest order in one more currency
    /// (`restrictions[currency_options][<currency>]`).
    #[derive(Eq)]
    pub struct CodeCurrencyMinimum {
        /// The smallest order, in that currency's smallest unit.
        minimum_amount: i64 => required_plain,
    }
}

impl CreatePromotionCode {
    /// A code for `coupon`; Stripe generates the code itself unless [`code`](Self::code) sets
    /// it.
    pub fn new(coupon: impl IntoId<CouponId>) -> Self {
        Self::with_promotion(Promotion::new(DiscountSourceType::Coupon).coupon(coupon))
    }

    /// Only customers without a successful payment yet may redeem it
    /// (`restrictions[first_time_transaction]`).
    pub fn first_time_transaction(mut self, only_first: bool) -> Self {
        self.restrictions
            .get_or_insert_with(CodeRestrictions::default)
            .first_time_transaction = Some(only_first);
        self
    }

    /// The smallest order the code applies to (`restrictions[minimum_amount]` and
    /// `restrictions[minimum_amount_currency]`).
    pub fn minimum_amount(mut self, amount: i64, currency: impl Into<String>) -> Self {
        let restrictions = self
            .restrictions
            .get_or_insert_with(CodeRestrictions::default);
        restrictions.minimum_amount = Some(amount);
        restrictions.minimum_amount_currency = Some(currency.into());
        self
    }

    /// The smallest order in another currency
    /// (`restrictions[currency_options][<currency>][minimum_amount]`), beside
    /// [`minimum_amount`](Self::minimum_amount).
    pub fn minimum_amount_in(mut self, currency: impl Into<String>, amount: i64) -> Self {
        self.restrictions
            .get_or_insert_with(CodeRestrictions::default)
            .currency_options
            .insert(currency.into(), CodeCurrencyMinimum::new(amount));
        self
    }
}

fn create_rules(code: &CreatePromotionCode, _: Param<'_>) -> Result<()> {
    if let Some(text) = &code.code {
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
        if text.is_empty() || !text.bytes().all(allowed) {
            return Err(Error::invalid_param(
                "code",
                "must be letters (a-z, A-Z), digits and dashes, and not empty",
            ));
        }
    }
    if code.max_redemptions == Some(0) {
        return Err(Error::invalid_param(
            "max_redemptions",
            "must be at least 1",
        ));
    }
    if code.expires_at.is_some_and(|at| at <= 0) {
        return Err(Error::invalid_param(
            "expires_at",
            "must be a Unix timestamp in seconds",
        ));
    }
    Ok(())
}

fn restrictions_rules(restrictions: &CodeRestrictions, param: Param<'_>) -> Result<()> {
    if restrictions.minimum_amount.is_some_and(|a| a < 0) {
        return Err(param
            .field("minimum_amount")
            .invalid("must not be negative"));
    }
    let currency = param.field("minimum_amount_currency");
    match (
        &restrictions.minimum_amount,
        &restrictions.minimum_amount_currency,
    ) {
        (Some(_), None) => {
            return Err(currency.invalid("is required with `minimum_amount`"));
        }
        (_, Some(code)) => check_currency(currency, code)?,
        (None, None) => {}
    }
    let options = param.field("currency_options");
    if !restrictions.currency_options.is_empty() && restrictions.minimum_amount.is_none() {
        return Err(options.invalid("needs `minimum_amount` in the code's own currency too"));
    }
    for (code, option) in &restrictions.currency_options {
        let named = format!("{options}[{code}]");
        check_currency(Param::Name(&named), code)?;
        if option.minimum_amount < 0 {
            return Err(Error::invalid_param(
                format!("{named}[minimum_amount]"),
                "must not be negative",
            ));
        }
    }
    Ok(())
}

params! {
    /// Parameters for [`PromotionCodes::update`](crate::promotion_codes::PromotionCodes::update)
    /// (`POST /v1/promotion_codes/{id}`): switch a code on or off, change its metadata.
    ///
    /// ```
    /// use stripe_checkout_client::ApiVersion;
    /// use stripe_checkout_client::promotion_codes::UpdatePromotionCode;
    ///
    /// let params = UpdatePromotionCode::new().active(false).metadata("reason", "expired campaign");
    /// assert_eq!(
    ///     params.form_pairs(&ApiVersion::newest_ga())?,
    ///     [
    ///         ("active".to_owned(), "false".to_owned()),
    ///         ("metadata[reason]".to_owned(), "expired campaign".to_owned()),
    ///     ]
    /// );
    /// # Ok::<(), stripe_checkout_client::Error>(())
    /// ```
    #[derive(Default)]
    pub struct UpdatePromotionCode {
        /// Whether the code can be redeemed. A code can be switched back on only while its
        /// coupon is still valid.
        active: bool => plain,
        /// Metadata to set; [`Metadata::clear`] removes every key.
        metadata: Metadata => metadata_update,
        /// Fields of the answer to expand.
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
}

params! {
    /// Parameters for [`PromotionCodes::list`](crate::promotion_codes::PromotionCodes::list)
    /// (`GET /v1/promotion_codes`): filters and pagination, newest first.
    ///
    /// Looking a typed code up is one request: filter by [`code`](Self::code) (Stripe matches
    /// it regardless of case) and [`active`](Self::active).
    ///
    /// ```
    /// use stripe_checkout_client::ApiVersion;
    /// use stripe_checkout_client::promotion_codes::ListPromotionCodes;
    ///
    /// let params = ListPromotionCodes::new().code("SUMMER").active(true).limit(1);
    /// let sent: Vec<String> = params
    ///     .form_pairs(&ApiVersion::newest_ga())?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(sent, ["active=true", "code=SUMMER", "limit=1"]);
    /// # Ok::<(), stripe_checkout_client::Error>(())
    /// ```
    #[derive(Default)]
    pub struct ListPromotionCodes {
        /// Only active (`true`) or inactive (`false`) codes.
        active: bool => plain,
        /// Only the code customers type as this, regardless of case.
        code: String => into,
        /// Only codes for this coupon.
        coupon: CouponId => id,
        /// Only codes restricted to this customer (`cus_…`).
        customer: CustomerId => id,
        /// Page size, 1 to 100 (Stripe's default is 10).
        limit: u32 => plain,
        /// Cursor: the page after this code.
        starting_after: PromotionCodeId => id,
        /// Cursor: the page before this code.
        ending_before: PromotionCodeId => id,
        /// Fields of each code to expand (prefix them with `data.`).
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(list_rules);
}

fn list_rules(list: &ListPromotionCodes, _: Param<'_>) -> Result<()> {
    check_limit(list.limit)?;
    check_cursors(list.starting_after.is_some(), list.ending_before.is_some())
}

impl VersionGates for UpdatePromotionCode {}

impl VersionGates for ListPromotionCodes {}

/// Clover (`2025-09-30.clover`) moved a promotion code's `coupon` to `promotion[coupon]`,
/// with `promotion[type]=coupon` beside it (changelog: "polymorphic-coupon").
impl VersionGates for CreatePromotionCode {
    fn version_gates(&self) -> Vec<Gate> {
        vec![
            Gate::new("promotion[type]", Rule::OmittedBefore(CLOVER), ""),
            Gate::new(
                "promotion[coupon]",
                Rule::RenamedKey {
                    since: CLOVER,
                    old: "coupon",
                },
                "",
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ApiVersion;

    fn refused(params: &CreatePromotionCode) -> Option<String> {
        match params.form_pairs(&ApiVersion::newest_ga()) {
            Ok(_) => None,
            Err(Error::InvalidParams { param, .. }) => Some(param),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_broken_rule_is_named_before_sending() {
        let code = || CreatePromotionCode::new("SUMMER25");
        let cases = [
            (
                CreatePromotionCode::new("not a/valid id"),
                "promotion[coupon]",
            ),
            (code().customer("pi_123"), "customer"),
            (code().code(""), "code"),
            (code().code("SUMMER 25"), "code"),
            (code().code("ÉTÉ"), "code"),
            (code().max_redemptions(0), "max_redemptions"),
            (code().expires_at(0), "expires_at"),
            (
                code().minimum_amount(-1, "usd"),
                "restrictions[minimum_amount]",
            ),
            (
                code().minimum_amount(100, "dollars"),
                "restrictions[minimum_amount_currency]",
            ),
            (code().metadata("", "x"), "metadata"),
            (code().expand([" "]), "expand[0]"),
            (
                code().minimum_amount(0, "usd").minimum_amount_in("eur", -1),
                "restrictions[currency_options][eur][minimum_amount]",
            ),
        ];
        for (params, param) in cases {
            assert_eq!(refused(&params).as_deref(), Some(param), "{params:?}");
        }
        let mut no_currency = code().minimum_amount(100, "usd");
        no_currency
            .restrictions
            .as_mut()
            .unwrap()
            .minimum_amount_currency = None;
        assert_eq!(
            refused(&no_currency).as_deref(),
            Some("restrictions[minimum_amount_currency]")
        );
        let fine = code()
            .code("SUMMER-25")
            .customer("cus_1")
            .max_redemptions(1)
            .expires_at(1_900_000_000)
            .first_time_transaction(true)
            .minimum_amount(0, "usd")
            .minimum_amount_in("eur", 0)
            .metadata("campaign", "summer")
            .active(false)
            .expand(["promotion.coupon"]);
        assert_eq!(refused(&fine), None);
    }

    #[test]
    fn every_setter_sends_its_param() {
        let params = CreatePromotionCode::new("SUMMER25")
            .code("SUMMER")
            .active(true)
            .customer("cus_1")
            .expires_at(1_900_000_000)
            .max_redemptions(5)
            .metadata("campaign", "summer")
            .first_time_transaction(true)
            .minimum_amount(5_000, "eur")
            .expand(["promotion.coupon"])
            .extra_param("customer_account", "acct_1");
        let sent: Vec<String> = params
            .form_pairs(&ApiVersion::newest_ga())
            .unwrap()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(
            sent,
            [
                "promotion[type]=coupon",
                "promotion[coupon]=SUMMER25",
                "code=SUMMER",
                "active=true",
                "customer=cus_1",
                "expires_at=1900000000",
                "max_redemptions=5",
                "metadata[campaign]=summer",
                "restrictions[first_time_transaction]=true",
                "restrictions[minimum_amount]=5000",
                "restrictions[minimum_amount_currency]=eur",
                "expand[0]=promotion.coupon",
                "customer_account=acct_1",
            ]
        );
        assert_eq!(
            crate::form::to_pairs(&params).unwrap(),
            params.form_pairs(&ApiVersion::newest_ga()).unwrap()[..12],
            "serde's encoding agrees (it does not carry the extras)"
        );
    }
}
