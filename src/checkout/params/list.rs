//! The params of the list endpoints: [`ListSessions`] (with its [`CreatedFilter`] and
//! [`RangeQuery`]) and [`ListLineItems`]. Retrieve and expire take only the id, with
//! [`.expand(…)`](crate::PendingRequest::expand) on the pending request.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;

use crate::checkout::CustomerDetailsFilter;
use crate::checkout::SessionStatus;
use crate::declare::extra::ExtraParams;
use crate::declare::params::{Param, params, unchecked};
use crate::error::Result;
use crate::ids::{CheckoutSessionId, CustomerId};

params! {
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
    #[derive(Default)]
    pub struct ListSessions {
        /// Page size, 1 to 100 (Stripe's default is 10).
        limit: u32 => plain,
        /// Cursor: the page after this session id.
        starting_after: CheckoutSessionId => id,
        /// Cursor: the page before this session id.
        ending_before: CheckoutSessionId => id,
        /// Only sessions of this customer (`cus_…`).
        customer: CustomerId => id,
        /// Only the session of this payment intent (`pi_…`).
        payment_intent: String => into,
        /// Only sessions with this status.
        status: SessionStatus => into,
        /// Only sessions created at, or within, these times.
        created: CreatedFilter => into,
        /// Fields of each session to expand (prefix them with `data.`).
        expand: String => expand,
        /// Only the sessions of the customer with this email (`customer_details[email]`).
        customer_details: CustomerDetailsFilter => into,
        /// Only the sessions of this customer account (`customer_account`; preview and endive).
        customer_account: String => into,
        /// Only the sessions of this payment link, `plink_…` (`payment_link`).
        payment_link: String => into,
        /// Only the session of this subscription, `sub_…` (`subscription`).
        subscription: String => into,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(list_rules);
}

impl ListSessions {
    /// Only the sessions of the customer with this email (`customer_details[email]`).
    pub fn customer_email(mut self, email: impl Into<String>) -> Self {
        self.customer_details = Some(CustomerDetailsFilter::new(email));
        self
    }
}

fn list_rules(list: &ListSessions, _: Param<'_>) -> Result<()> {
    check_limit(list.limit)?;
    check_cursors(list.starting_after.is_some(), list.ending_before.is_some())
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

unchecked!(CreatedFilter);

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

params! {
    /// Bounds on a Unix time: greater than (`gt`), at least (`gte`), less than (`lt`), at most
    /// (`lte`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::RangeQuery;
    /// let last_day = RangeQuery::new().gte(1_700_000_000).lt(1_700_086_400);
    /// assert_eq!(last_day.gt, None);
    /// ```
    #[derive(Default, Eq)]
    pub struct RangeQuery {
        /// Strictly after this time.
        gt: i64 => plain,
        /// At or after this time.
        gte: i64 => plain,
        /// Strictly before this time.
        lt: i64 => plain,
        /// At or before this time.
        lte: i64 => plain,
    }
}

params! {
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
    #[derive(Default, Eq)]
    pub struct ListLineItems {
        /// Page size, 1 to 100 (Stripe's default is 10).
        limit: u32 => plain,
        /// Cursor: the page after this line item id (`li_…`).
        starting_after: String => into,
        /// Cursor: the page before this line item id (`li_…`).
        ending_before: String => into,
        /// Fields of each line item to expand (prefix them with `data.`).
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(list_line_items_rules);
}

fn list_line_items_rules(list: &ListLineItems, _: Param<'_>) -> Result<()> {
    check_limit(list.limit)?;
    check_cursors(list.starting_after.is_some(), list.ending_before.is_some())
}
