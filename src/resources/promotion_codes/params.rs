//! The params of the promotion code endpoints: [`CreatePromotionCode`] (with how its coupon
//! is named in each API version), [`UpdatePromotionCode`] and [`ListPromotionCodes`], with
//! their setters and the rules checked before sending.
//!
//! The endpoint that sends them is `promotion_codes.rs`; the answer is
//! [`PromotionCode`](super::PromotionCode).

use std::collections::BTreeMap;

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use crate::declare::extra::{ExtraParams, extra_setters};
use crate::declare::param_checks::{
    check_rejected, check_texts, expand_setter, option_setters, plain_setters,
};
use crate::error::{Error, Result};
use crate::ids::{CouponId, CustomerId, IntoId, PromotionCodeId, RejectedId, take_id};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::DiscountSourceType;
use crate::resources::discount::check_currency;
use crate::sending::paging::{check_cursors, check_limit};
use crate::versions::version_gate::{CLOVER, Gate, Rule, VersionGates};
use crate::wire::encode::encoded_struct;

encoded_struct! {
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
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CreatePromotionCode {
        /// What the code applies: a coupon.
        pub promotion: Promotion,
        /// The code customers type; Stripe generates one when unset. Letters, digits and
        /// dashes; unique, regardless of case, among the active codes of one customer.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub code: Option<String>,
        /// Whether the code can be redeemed now (Stripe's default: yes).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub active: Option<bool>,
        /// The only customer who may redeem it (`cus_…`); anyone when unset.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer: Option<CustomerId>,
        /// When the code stops working, as a Unix timestamp.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub expires_at: Option<i64>,
        /// How many times the code can be redeemed in all.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub max_redemptions: Option<u64>,
        /// Metadata stored on the code.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// Who may redeem it, and for how much (`restrictions`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub restrictions: Option<CodeRestrictions>,
        /// Fields of the answer to expand.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
        #[serde(skip)]
        pub(crate) extra: ExtraParams,
    }
}

encoded_struct! {
    /// What a promotion code applies (`promotion`): for now Stripe knows one kind, a coupon.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct Promotion {
        /// The kind of promotion (`coupon`).
        pub type_ as "type": DiscountSourceType,
        /// The coupon, when the kind is `coupon`.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub coupon: Option<CouponId>,
    }
}

encoded_struct! {
    /// Who may redeem a promotion code, and from what amount (`restrictions`).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CodeRestrictions {
        /// Only for customers without a successful payment or invoice yet.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub first_time_transaction: Option<bool>,
        /// The smallest order the code applies to, in `minimum_amount_currency`'s minor unit.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub minimum_amount: Option<i64>,
        /// The currency of `minimum_amount` (`usd`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub minimum_amount_currency: Option<String>,
        /// The smallest order in other currencies, by lowercase currency code.
        #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
        pub currency_options: BTreeMap<String, CodeCurrencyMinimum>,
    }
}

encoded_struct! {
    /// A promotion code's smallest order in one more currency
    /// (`restrictions[currency_options][<currency>]`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CodeCurrencyMinimum {
        /// The smallest order, in that currency's smallest unit.
        pub minimum_amount: i64,
    }
}

impl CreatePromotionCode {
    /// A code for `coupon`; Stripe generates the code itself unless [`code`](Self::code) sets
    /// it.
    pub fn new(coupon: impl IntoId<CouponId>) -> Self {
        let mut rejected_id = None;
        let coupon = take_id(coupon, "promotion[coupon]", &mut rejected_id);
        Self {
            promotion: Promotion {
                type_: DiscountSourceType::Coupon,
                coupon,
            },
            code: None,
            active: None,
            customer: None,
            expires_at: None,
            max_redemptions: None,
            metadata: None,
            restrictions: None,
            expand: Vec::new(),
            rejected_id,
            extra: ExtraParams::default(),
        }
    }

    option_setters! {
        /// The code customers type (`code`).
        code: String;
    }

    plain_setters! {
        /// Whether the code can be redeemed now (`active`).
        active: bool;
    }

    /// Only `customer` may redeem the code (`customer`).
    pub fn customer(mut self, customer: impl IntoId<CustomerId>) -> Self {
        self.customer = take_id(customer, "customer", &mut self.rejected_id);
        self
    }

    plain_setters! {
        /// When the code stops working, as a Unix timestamp (`expires_at`).
        expires_at: i64;
        /// How many times the code can be redeemed in all, at least 1 (`max_redemptions`).
        max_redemptions: u64;
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
            .insert(
                currency.into(),
                CodeCurrencyMinimum {
                    minimum_amount: amount,
                },
            );
        self
    }

    metadata_setter! {
        /// Sets one metadata key on the code (`metadata[key]`).
        metadata
    }

    expand_setter!();

    extra_setters!();

    /// Checks the rules Stripe documents, before anything is sent.
    pub(crate) fn validate(&self) -> Result<()> {
        check_rejected("", self.rejected_id.as_ref())?;
        if let Some(code) = &self.code {
            let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
            if code.is_empty() || !code.bytes().all(allowed) {
                return Err(Error::invalid_param(
                    "code",
                    "must be letters (a-z, A-Z), digits and dashes, and not empty",
                ));
            }
        }
        if self.max_redemptions == Some(0) {
            return Err(Error::invalid_param(
                "max_redemptions",
                "must be at least 1",
            ));
        }
        if self.expires_at.is_some_and(|at| at <= 0) {
            return Err(Error::invalid_param(
                "expires_at",
                "must be a Unix timestamp in seconds",
            ));
        }
        if let Some(restrictions) = &self.restrictions {
            if restrictions.minimum_amount.is_some_and(|a| a < 0) {
                return Err(Error::invalid_param(
                    "restrictions[minimum_amount]",
                    "must not be negative",
                ));
            }
            match (
                &restrictions.minimum_amount,
                &restrictions.minimum_amount_currency,
            ) {
                (Some(_), None) => {
                    return Err(Error::invalid_param(
                        "restrictions[minimum_amount_currency]",
                        "is required with `minimum_amount`",
                    ));
                }
                (_, Some(currency)) => {
                    check_currency("restrictions[minimum_amount_currency]", currency)?;
                }
                (None, None) => {}
            }
            if !restrictions.currency_options.is_empty() && restrictions.minimum_amount.is_none() {
                return Err(Error::invalid_param(
                    "restrictions[currency_options]",
                    "needs `minimum_amount` in the code's own currency too",
                ));
            }
            for (currency, option) in &restrictions.currency_options {
                let param = format!("restrictions[currency_options][{currency}]");
                check_currency(&param, currency)?;
                if option.minimum_amount < 0 {
                    return Err(Error::invalid_param(
                        format!("{param}[minimum_amount]"),
                        "must not be negative",
                    ));
                }
            }
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        for (i, field) in self.expand.iter().enumerate() {
            if field.trim().is_empty() {
                return Err(Error::invalid_param(
                    format!("expand[{i}]"),
                    "must not be empty",
                ));
            }
        }
        Ok(())
    }
}

encoded_struct! {
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
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct UpdatePromotionCode {
        /// Whether the code can be redeemed. A code can be switched back on only while its
        /// coupon is still valid.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub active: Option<bool>,
        /// Metadata to set; [`Metadata::clear`] removes every key.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// Fields of the answer to expand.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        #[serde(skip)]
        pub(crate) extra: ExtraParams,
    }
}

impl UpdatePromotionCode {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Switches the code on or off (`active`).
        active: bool;
    }

    metadata_setter! {
        /// Sets one metadata key (`metadata[key]`).
        metadata
    }

    /// Removes every metadata key (`metadata=`).
    pub fn clear_metadata(mut self) -> Self {
        self.metadata = Some(Metadata::clear());
        self
    }

    expand_setter!();

    extra_setters!();

    pub(crate) fn validate(&self) -> Result<()> {
        if let Some(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        check_texts("expand", &self.expand)
    }
}

encoded_struct! {
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
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ListPromotionCodes {
        /// Only active (`true`) or inactive (`false`) codes.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub active: Option<bool>,
        /// Only the code customers type as this, regardless of case.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub code: Option<String>,
        /// Only codes for this coupon.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub coupon: Option<CouponId>,
        /// Only codes restricted to this customer (`cus_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer: Option<CustomerId>,
        /// Page size, 1 to 100 (Stripe's default is 10).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub limit: Option<u32>,
        /// Cursor: the page after this code.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub starting_after: Option<PromotionCodeId>,
        /// Cursor: the page before this code.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub ending_before: Option<PromotionCodeId>,
        /// Fields of each code to expand (prefix them with `data.`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
        #[serde(skip)]
        pub(crate) extra: ExtraParams,
    }
}

impl ListPromotionCodes {
    /// List without filters.
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Only active or inactive codes (`active`).
        active: bool;
    }

    option_setters! {
        /// Only the code customers type as `code`, regardless of case (`code`).
        code: String;
    }

    /// Only codes for `coupon` (`coupon`).
    pub fn coupon(mut self, coupon: impl IntoId<CouponId>) -> Self {
        self.coupon = take_id(coupon, "coupon", &mut self.rejected_id);
        self
    }

    /// Only codes restricted to `customer` (`customer`).
    pub fn customer(mut self, customer: impl IntoId<CustomerId>) -> Self {
        self.customer = take_id(customer, "customer", &mut self.rejected_id);
        self
    }

    plain_setters! {
        /// Page size, 1 to 100 (`limit`).
        limit: u32;
    }

    /// The page after this code (`starting_after`).
    pub fn starting_after(mut self, id: impl IntoId<PromotionCodeId>) -> Self {
        self.starting_after = take_id(id, "starting_after", &mut self.rejected_id);
        self
    }

    /// The page before this code (`ending_before`).
    pub fn ending_before(mut self, id: impl IntoId<PromotionCodeId>) -> Self {
        self.ending_before = take_id(id, "ending_before", &mut self.rejected_id);
        self
    }

    expand_setter!();

    extra_setters!();

    pub(crate) fn validate(&self) -> Result<()> {
        check_rejected("", self.rejected_id.as_ref())?;
        if self.code.as_deref().is_some_and(str::is_empty) {
            return Err(Error::invalid_param("code", "must not be empty"));
        }
        check_limit(self.limit)?;
        check_cursors(self.starting_after.is_some(), self.ending_before.is_some())?;
        check_texts("expand", &self.expand)
    }
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
