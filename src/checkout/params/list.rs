//! The params of the list endpoints: [`ListSessions`] (with its [`CreatedFilter`] and
//! [`RangeQuery`]) and [`ListLineItems`]. Retrieve and expire take only the id, with
//! [`.expand(…)`](crate::PendingRequest::expand) on the pending request.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;

use crate::checkout::CustomerDetailsFilter;
use crate::checkout::SessionStatus;
use crate::checkout::declare::{Check, Param};
use crate::declare::extra::{ExtraParams, extra_setters};
use crate::error::Result;
use crate::ids::{CheckoutSessionId, CustomerId, IntoId, RejectedId, take_id};
use crate::wire::encode::encoded_struct;

encoded_struct! {
    /// Parameters for [`CheckoutSessions::list`](crate::checkout::CheckoutSessions::list)
    /// (`GET /v1/checkout/sessions`): filters and pagination.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{ListSessions, SessionStatus};
    /// use stripe_checkout_client::checkout::params::RangeQuery;
    /// use stripe_checkout_client::form;
    ///
    /// let params = ListSessions::new()
    ///     .limit(10)
    ///     .status(SessionStatus::Open)
    ///     .created(RangeQuery::new().gte(1_700_000_000));
    /// let pairs: Vec<String> = form::to_pairs(&params)?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(pairs, ["limit=10", "status=open", "created[gte]=1700000000"]);
    ///
    /// let exact = ListSessions::new().created(1_700_000_000);
    /// assert_eq!(form::to_pairs(&exact)?, [("created".to_owned(), "1700000000".to_owned())]);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ListSessions {
        /// Page size, 1 to 100 (Stripe's default is 10).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub limit: Option<u32>,
        /// Cursor: the page after this session id.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub starting_after: Option<CheckoutSessionId>,
        /// Cursor: the page before this session id.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub ending_before: Option<CheckoutSessionId>,
        /// Only sessions of this customer (`cus_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer: Option<CustomerId>,
        /// Only the session of this payment intent (`pi_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_intent: Option<String>,
        /// Only sessions with this status.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub status: Option<SessionStatus>,
        /// Only sessions created at, or within, these times.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub created: Option<CreatedFilter>,
        /// Fields of each session to expand (prefix them with `data.`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        /// Only the sessions of the customer with this email (`customer_details[email]`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer_details: Option<CustomerDetailsFilter>,
        /// Only the sessions of this customer account (`customer_account`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer_account: Option<String>,
        /// Only the sessions of this payment link, `plink_…` (`payment_link`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_link: Option<String>,
        /// Only the session of this subscription, `sub_…` (`subscription`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub subscription: Option<String>,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        #[serde(skip)]
        pub extra: ExtraParams,
        /// A refused id from a setter, reported by `validate`.
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
    }
}

impl ListSessions {
    /// List without filters.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListSessions;
    /// assert_eq!(ListSessions::new(), ListSessions::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Page size, 1 to 100 (`limit`).
        limit: u32;
    }

    extra_setters!();

    /// The page after this session (`starting_after`).
    pub fn starting_after(mut self, id: impl IntoId<CheckoutSessionId>) -> Self {
        self.starting_after = take_id(id, "starting_after", &mut self.rejected_id);
        self
    }

    /// The page before this session (`ending_before`).
    pub fn ending_before(mut self, id: impl IntoId<CheckoutSessionId>) -> Self {
        self.ending_before = take_id(id, "ending_before", &mut self.rejected_id);
        self
    }

    /// Only sessions of this customer, `cus_…` (`customer`).
    pub fn customer(mut self, id: impl IntoId<CustomerId>) -> Self {
        self.customer = take_id(id, "customer", &mut self.rejected_id);
        self
    }

    /// Only the sessions of the customer with this email (`customer_details[email]`).
    pub fn customer_email(mut self, email: impl Into<String>) -> Self {
        self.customer_details = Some(CustomerDetailsFilter::new(email));
        self
    }

    option_setters! {
        /// Only the sessions of this customer account (`customer_account`).
        customer_account: String;
        /// Only the sessions of this payment link, `plink_…` (`payment_link`).
        payment_link: String;
        /// Only the session of this subscription, `sub_…` (`subscription`).
        subscription: String;
        /// Only the session of this payment intent, `pi_…` (`payment_intent`).
        payment_intent: String;
        /// Only sessions with this status (`status`).
        status: SessionStatus;
        /// Only sessions created at a Unix time (`created=…`) or within a [`RangeQuery`]
        /// (`created[gte]=…`).
        created: CreatedFilter;
    }

    /// Adds fields of each session to expand (`data.line_items`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListSessions;
    /// assert_eq!(ListSessions::new().expand(["data.line_items"]).expand, ["data.line_items"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        self.customer_details
            .check(Param::Name("customer_details"))?;
        self.customer_account
            .check(Param::Name("customer_account"))?;
        self.payment_link.check(Param::Name("payment_link"))?;
        self.subscription.check(Param::Name("subscription"))?;
        check_rejected("", self.rejected_id.as_ref())?;
        check_limit(self.limit)?;
        check_cursors(self.starting_after.is_some(), self.ending_before.is_some())?;
        check_texts("expand", &self.expand)?;
        if let Some(id) = &self.starting_after {
            check_id("starting_after", CheckoutSessionId::new(id.as_str()))?;
        }
        if let Some(id) = &self.ending_before {
            check_id("ending_before", CheckoutSessionId::new(id.as_str()))?;
        }
        if let Some(customer) = &self.customer {
            check_id("customer", CustomerId::new(customer.as_str()))?;
        }
        if let Some(payment_intent) = &self.payment_intent {
            check_not_empty("payment_intent", payment_intent)?;
        }
        Ok(())
    }
}

/// A `created` filter: an exact Unix time, or a [`RangeQuery`].
///
/// ```
/// use stripe_checkout_client::checkout::params::{CreatedFilter, RangeQuery};
/// assert_eq!(CreatedFilter::from(1_700_000_000), CreatedFilter::Exact(1_700_000_000));
/// let range: CreatedFilter = serde_json::from_str(r#"{"gte":1,"lt":2}"#)?;
/// assert_eq!(range, CreatedFilter::Range(RangeQuery::new().gte(1).lt(2)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum CreatedFilter {
    /// Exactly this Unix time (`created=…`).
    Exact(i64),
    /// Within these bounds (`created[gte]=…`).
    Range(RangeQuery),
}

/// A number (or a numeric string, as form bodies carry it) is exact; an object is a range.
/// Written by hand because `untagged` buffers the input and so loses a format's own idea of
/// which type a value is.
#[cfg(feature = "deserialize-params")]
impl<'de> Deserialize<'de> for CreatedFilter {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FilterVisitor;
        impl<'de> serde::de::Visitor<'de> for FilterVisitor {
            type Value = CreatedFilter;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Unix time or a range {gt, gte, lt, lte}")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<CreatedFilter, E> {
                Ok(CreatedFilter::Exact(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<CreatedFilter, E> {
                i64::try_from(v)
                    .map(CreatedFilter::Exact)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CreatedFilter, E> {
                v.parse()
                    .map(CreatedFilter::Exact)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<CreatedFilter, A::Error> {
                RangeQuery::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CreatedFilter::Range)
            }
        }
        deserializer.deserialize_any(FilterVisitor)
    }
}

impl crate::wire::encode::Encode for CreatedFilter {
    fn encode(&self, out: &mut crate::wire::encode::Writer) {
        match self {
            CreatedFilter::Exact(time) => time.encode(out),
            CreatedFilter::Range(range) => range.encode(out),
        }
    }
}

impl From<i64> for CreatedFilter {
    fn from(time: i64) -> Self {
        CreatedFilter::Exact(time)
    }
}

impl From<RangeQuery> for CreatedFilter {
    fn from(range: RangeQuery) -> Self {
        CreatedFilter::Range(range)
    }
}

encoded_struct! {
    /// Bounds on a Unix time: greater than (`gt`), at least (`gte`), less than (`lt`), at most
    /// (`lte`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::RangeQuery;
    /// let last_day = RangeQuery::new().gte(1_700_000_000).lt(1_700_086_400);
    /// assert_eq!(last_day.gt, None);
    /// ```
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct RangeQuery {
        /// Strictly after this time.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub gt: Option<i64>,
        /// At or after this time.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub gte: Option<i64>,
        /// Strictly before this time.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub lt: Option<i64>,
        /// At or before this time.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub lte: Option<i64>,
    }
}

impl RangeQuery {
    /// No bounds yet.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::RangeQuery;
    /// assert_eq!(RangeQuery::new(), RangeQuery::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Strictly after this time (`gt`).
        gt: i64;
        /// At or after this time (`gte`).
        gte: i64;
        /// Strictly before this time (`lt`).
        lt: i64;
        /// At or before this time (`lte`).
        lte: i64;
    }
}

encoded_struct! {
    /// Parameters for [`CheckoutSessions::list_line_items`](crate::checkout::CheckoutSessions::list_line_items)
    /// (`GET /v1/checkout/sessions/{id}/line_items`): pagination.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListLineItems;
    /// use stripe_checkout_client::form;
    /// let params = ListLineItems::new().limit(5).starting_after("li_1");
    /// assert_eq!(
    ///     form::to_pairs(&params)?,
    ///     [
    ///         ("limit".to_owned(), "5".to_owned()),
    ///         ("starting_after".to_owned(), "li_1".to_owned()),
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ListLineItems {
        /// Page size, 1 to 100 (Stripe's default is 10).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub limit: Option<u32>,
        /// Cursor: the page after this line item id (`li_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub starting_after: Option<String>,
        /// Cursor: the page before this line item id (`li_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub ending_before: Option<String>,
        /// Fields of each line item to expand (prefix them with `data.`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        #[serde(skip)]
        pub extra: ExtraParams,
    }
}

impl ListLineItems {
    /// The first page, Stripe's default size.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListLineItems;
    /// assert_eq!(ListLineItems::new(), ListLineItems::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    extra_setters!();

    plain_setters! {
        /// Page size, 1 to 100 (`limit`).
        limit: u32;
    }

    option_setters! {
        /// The page after this line item id (`starting_after`).
        starting_after: String;
        /// The page before this line item id (`ending_before`).
        ending_before: String;
    }

    /// Adds fields of each line item to expand (`data.price.product`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListLineItems;
    /// assert_eq!(ListLineItems::new().expand(["data.price.product"]).expand.len(), 1);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        check_limit(self.limit)?;
        check_cursors(self.starting_after.is_some(), self.ending_before.is_some())?;
        check_texts("expand", &self.expand)?;
        if let Some(id) = &self.starting_after {
            check_not_empty("starting_after", id)?;
        }
        if let Some(id) = &self.ending_before {
            check_not_empty("ending_before", id)?;
        }
        Ok(())
    }
}
