//! [`TypedCodes`]: the promotion codes shoppers type in your code box, looked up on Stripe and
//! held to Stripe's redemption rules on your server, with why a code is refused
//! ([`CodeRefusal`]) and the hook that tells a returning customer ([`PurchaseHistory`]).
//!
//! With `permissions[update_discounts]=server_only` the browser cannot apply a promotion code
//! itself, and the update endpoint takes a coupon, never a promotion code, so the rules Stripe
//! would apply to the code are this policy's to apply. The rule set is Stripe's documented
//! one; which codes exist is the account's, read with one list request per typed code.

use std::collections::HashSet;
use std::fmt;
use std::time::UNIX_EPOCH;

use async_trait::async_trait;

use super::customer::CustomerRef;
use super::reward::Reward;
use super::time_window::{Clock, SystemClock};
use crate::checkout::{CheckoutSession, ListLineItems, SessionLineItem};
use crate::coupons::Coupon;
use crate::discounts::{
    Discount, DiscountPolicy, DiscountRequest, Offer, Rejection, RequestedDiscount,
};
use crate::expand::Expandable;
use crate::promotion_codes::{ListPromotionCodes, PromotionCode};
use crate::sending::client::Client;
use crate::sending::options::RequestOptions;
use crate::versions::version_gate::CLOVER;

/// How many codes with the same text one lookup reads: Stripe keeps a code unique among the
/// *active* codes of one customer, so several customers' codes (and retired ones) may share it.
const LOOKUP_LIMIT: u32 = 100;

/// Your words for a refusal, set with [`TypedCodes::customer_messages`].
type MessageFn = dyn Fn(&CodeRefusal) -> String + Send + Sync;

/// The most line items a Checkout Session holds, so one page of them is all of them.
const MAX_LINE_ITEMS: u32 = 100;

/// Applies the promotion code a shopper typed (`{"code": "SUMMER25"}`) when Stripe would
/// accept it for this session, as the code's coupon.
///
/// For each request carrying a [`RequestedDiscount::Code`], the policy:
///
/// 1. looks the code up: one `GET /v1/promotion_codes?code=…` (Stripe matches regardless of
///    case; surrounding spaces are trimmed), expanding the coupon with its `applies_to` and
///    `currency_options` and the code's per-currency minimums. Of the codes with that text it
///    takes an active one restricted to this session's customer, else an active one for
///    anyone;
/// 2. refuses it, with a [`CodeRefusal`] as the [`Rejection`]'s cause and a message the
///    shopper may see, when it is unknown or inactive, past its `expires_at`, out of
///    redemptions, for another customer, for first orders only and the shopper has bought
///    before, for a larger order than this session's subtotal (`restrictions.minimum_amount`
///    in the session's currency, or its `currency_options`), or when its coupon is no longer
///    valid, past `redeem_by`, out of redemptions, cannot discount the session's currency or
///    applies only to products the cart does not hold (then the line items are read too);
/// 3. answers the coupon: [`Discount::Coupon`], what the update endpoint accepts. Its
///    [`offer`](DiscountPolicy::offer) carries what the coupon takes off this cart, so
///    [`BestForCustomer`](super::BestForCustomer) compares it with other policies at its real
///    worth.
///
/// A request without a typed code gets no discount from this policy (in a combinator, the
/// others decide), and so does a removal. The code is the shopper's input, not the session's
/// state: a front end that keeps a code applied sends it again with each update, and each time
/// it is checked again against the cart as it is then.
///
/// Two rules need you. **First orders:** Stripe does not say whether a customer has paid
/// before, so a code restricted to first-time transactions is refused unless a
/// [`PurchaseHistory`] says the shopper is new. **Redemption counts:** the coupon applied this
/// way counts its own redemptions on Stripe, but the promotion code's `times_redeemed` does not
/// move, since the session never names the code; cap uses with the coupon's
/// `max_redemptions` when that matters.
///
/// ```no_run
/// use std::collections::HashMap;
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::discounts::policies::{BestForCustomer, LoyaltyTiers, Reward, TypedCodes};
/// use stripe_checkout_client::discounts;
///
/// # async fn endpoint(body: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::new("sk_test_123")?;
/// let members = HashMap::from([("cus_ada".to_owned(), "gold".to_owned())]);
/// // The shopper's typed code or their loyalty reward, whichever is worth more.
/// let policy = BestForCustomer::new()
///     .with(TypedCodes::new(client.clone()))
///     .with(LoyaltyTiers::new(members).tier("gold", Reward::PercentBps(1000)));
/// let answer = discounts::handle(&client, body, &policy).await;
/// # let _ = answer; Ok(()) }
/// ```
pub struct TypedCodes<H = NoPurchaseHistory> {
    client: Client,
    options: RequestOptions,
    clock: Box<dyn Clock>,
    history: H,
    messages: Option<Box<MessageFn>>,
}

impl TypedCodes {
    /// Looks codes up with `client` (its key, account and API version), on the system clock,
    /// refusing first-order codes until [`purchase_history`](Self::purchase_history) is set.
    pub fn new(client: Client) -> Self {
        Self {
            client,
            options: RequestOptions::default(),
            clock: Box::new(SystemClock),
            history: NoPurchaseHistory,
            messages: None,
        }
    }
}

// Generic over the history, as `LoyaltyTiers` is over its lookup: a program that never uses
// the policy compiles none of its lookups.
impl<H: PurchaseHistory> TypedCodes<H> {
    /// Options for the lookups (a connected account, an API version, a timeout), as on any
    /// request.
    pub fn request_options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// The clock expiry dates are compared with.
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// Who has bought before, for codes restricted to first-time transactions.
    pub fn purchase_history<P: PurchaseHistory>(self, history: P) -> TypedCodes<P> {
        TypedCodes {
            client: self.client,
            options: self.options,
            clock: self.clock,
            history,
            messages: self.messages,
        }
    }

    /// Your own words for the shopper (another language, your brand's voice), in place of
    /// [`CodeRefusal::customer_message`].
    pub fn customer_messages(
        mut self,
        messages: impl Fn(&CodeRefusal) -> String + Send + Sync + 'static,
    ) -> Self {
        self.messages = Some(Box::new(messages));
        self
    }

    /// The typed code's offer for `session`, or why it is refused.
    async fn offer_code(&self, typed: &str, session: &CheckoutSession) -> Result<Offer, Rejection> {
        let typed = typed.trim();
        let found = self.lookup(typed).await?;
        let code = choose(found, typed, session).map_err(|r| self.refuse(typed, r))?;
        let coupon = check_code(&code, session, unix_now(&*self.clock))
            .map_err(|r| self.refuse(typed, r))?;
        let products = coupon.applies_to.as_ref().map(|a| &a.products);
        let eligible = match products.filter(|p| !p.is_empty()) {
            None => session.amount_subtotal.unwrap_or(0).max(0),
            Some(products) => {
                let eligible = match session.line_items.as_ref().filter(|l| !l.has_more) {
                    Some(list) => eligible_subtotal(&list.data, products),
                    None => eligible_subtotal(&self.line_items(session).await?, products),
                };
                eligible
                    .ok_or(CodeRefusal::NotForTheseProducts)
                    .map_err(|r| self.refuse(typed, r))?
            }
        };
        if code
            .restrictions
            .as_ref()
            .and_then(|r| r.first_time_transaction)
            == Some(true)
        {
            let returning = match self.history.has_purchased(session).await? {
                None => Err(CodeRefusal::FirstTimeUnverified),
                Some(true) => Err(CodeRefusal::FirstTimeOnly),
                Some(false) => Ok(()),
            };
            returning.map_err(|r| self.refuse(typed, r))?;
        }
        let worth = coupon_worth(coupon, session.currency.as_deref(), eligible);
        Ok(Offer::new(vec![Discount::Coupon(coupon.id.clone())]).worth(worth))
    }

    /// Every code with the typed text: one list request.
    async fn lookup(&self, typed: &str) -> Result<Vec<PromotionCode>, Rejection> {
        if typed.is_empty() {
            return Ok(Vec::new());
        }
        let version = self
            .options
            .api_version
            .as_ref()
            .unwrap_or_else(|| self.client.api_version());
        let coupon = if CLOVER.reached_by(version) {
            "data.promotion.coupon"
        } else {
            "data.coupon"
        };
        let params = ListPromotionCodes::new()
            .code(typed)
            .limit(LOOKUP_LIMIT)
            .expand([
                format!("{coupon}.applies_to"),
                format!("{coupon}.currency_options"),
                "data.restrictions.currency_options".to_owned(),
            ]);
        let page = self
            .client
            .promotion_codes()
            .list(&params)
            .options(&self.options)
            .await
            .map_err(|e| lookup_failed("promotion code lookup", e))?;
        Ok(page.data)
    }

    /// The session's line items, when its own are not expanded in full: one page holds them
    /// all.
    async fn line_items(
        &self,
        session: &CheckoutSession,
    ) -> Result<Vec<SessionLineItem>, Rejection> {
        let page = self
            .client
            .checkout_sessions()
            .list_line_items(&session.id, &ListLineItems::new().limit(MAX_LINE_ITEMS))
            .options(&self.options)
            .await
            .map_err(|e| lookup_failed("line item lookup", e))?;
        Ok(page.data)
    }

    fn refuse(&self, typed: &str, refusal: CodeRefusal) -> Rejection {
        let message = match &self.messages {
            Some(messages) => messages(&refusal),
            None => refusal.customer_message(),
        };
        Rejection::new(format!("code {typed:?} refused: {refusal}"))
            .with_customer_message(message)
            .with_cause(refusal)
    }
}

impl<H> fmt::Debug for TypedCodes<H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedCodes")
            .field("client", &self.client)
            .field("options", &self.options)
            .field("purchase_history", &std::any::type_name::<H>())
            .finish_non_exhaustive()
    }
}

#[async_trait]
impl<H: PurchaseHistory> DiscountPolicy for TypedCodes<H> {
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        Ok(self.offer(request, session).await?.discounts)
    }

    async fn offer(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Offer, Rejection> {
        let typed = request.discounts.iter().flatten().find_map(|d| match d {
            RequestedDiscount::Code(code) => Some(code.as_str()),
            _ => None,
        });
        match typed {
            Some(typed) => self.offer_code(typed, session).await,
            None => Ok(Offer::none()),
        }
    }
}

/// Tells whether a session's shopper has bought from you before, for promotion codes
/// restricted to first-time transactions (Stripe counts a successful payment or a paid
/// invoice).
///
/// Implemented for closures over the session and for a `HashSet` of the
/// [`CustomerRef`]s (customer ids or `client_reference_id`s) that have bought.
///
/// ```
/// use std::collections::HashSet;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::policies::PurchaseHistory;
///
/// let returning: HashSet<String> = HashSet::from(["cus_ada".to_owned()]);
/// fn assert_history(_: &impl PurchaseHistory) {}
/// assert_history(&returning);
/// // By email; a session without one cannot tell (`None`), and the code is refused.
/// let buyers = HashSet::from(["ada@example.com".to_owned()]);
/// assert_history(&move |session: &CheckoutSession| {
///     session.customer_email.as_ref().map(|email| buyers.contains(email))
/// });
/// ```
#[async_trait]
pub trait PurchaseHistory: Send + Sync {
    /// Whether the shopper of `session` has paid before: `None` when it cannot tell (a
    /// guest without an email, say), which refuses the code as
    /// [`CodeRefusal::FirstTimeUnverified`].
    ///
    /// # Errors
    /// A [`Rejection`] when your records cannot be read; the code is then not applied.
    async fn has_purchased(&self, session: &CheckoutSession) -> Result<Option<bool>, Rejection>;
}

/// No purchase history, the [`TypedCodes`] default: it can never tell, so a code for
/// first-time transactions is refused ([`CodeRefusal::FirstTimeUnverified`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoPurchaseHistory;

#[async_trait]
impl PurchaseHistory for NoPurchaseHistory {
    async fn has_purchased(&self, _: &CheckoutSession) -> Result<Option<bool>, Rejection> {
        Ok(None)
    }
}

/// The customers who have bought, by [`CustomerRef`]; a session with neither a customer nor
/// a `client_reference_id` cannot tell.
#[async_trait]
impl PurchaseHistory for HashSet<String> {
    async fn has_purchased(&self, session: &CheckoutSession) -> Result<Option<bool>, Rejection> {
        Ok(CustomerRef::from_session(session).map(|who| self.contains(who.as_str())))
    }
}

#[async_trait]
impl<F> PurchaseHistory for F
where
    F: Fn(&CheckoutSession) -> Option<bool> + Send + Sync,
{
    async fn has_purchased(&self, session: &CheckoutSession) -> Result<Option<bool>, Rejection> {
        Ok(self(session))
    }
}

/// Why a typed promotion code is not applied. The [`Rejection`] from [`TypedCodes`] carries
/// it as its [`source`](std::error::Error::source); [`customer_message`](Self::customer_message)
/// is what the shopper sees by default, and `Display` the reason for your logs.
///
/// ```
/// use stripe_checkout_client::discounts::policies::CodeRefusal;
///
/// let refusal = CodeRefusal::BelowMinimum { minimum: 5_000, currency: "usd".into() };
/// assert_eq!(refusal.customer_message(), "This code needs an order of at least 50.00 USD.");
/// let yen = CodeRefusal::BelowMinimum { minimum: 5_000, currency: "jpy".into() };
/// assert_eq!(yen.customer_message(), "This code needs an order of at least 5000 JPY.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeRefusal {
    /// No promotion code has that text.
    Unknown,
    /// The code exists but is switched off (`active: false`).
    Inactive,
    /// The code's `expires_at` has passed.
    Expired {
        /// When it expired, in seconds since the Unix epoch.
        expires_at: i64,
    },
    /// The code has been redeemed its `max_redemptions` times.
    FullyRedeemed {
        /// The code's limit.
        max_redemptions: i64,
    },
    /// The code is for one customer, and this session is someone else's (or a guest's).
    OtherCustomer,
    /// The code is for first orders, and the shopper has bought before.
    FirstTimeOnly,
    /// The code is for first orders, and no [`PurchaseHistory`] was given to tell.
    FirstTimeUnverified,
    /// The session's subtotal is below the code's minimum in the session's currency.
    BelowMinimum {
        /// The minimum, in the currency's smallest unit.
        minimum: i64,
        /// The session's currency.
        currency: String,
    },
    /// The code has a minimum amount, but none in the session's currency.
    NoMinimumInCurrency {
        /// The session's currency.
        currency: String,
    },
    /// The coupon is no longer valid (deleted, or Stripe marked it `valid: false`), or it
    /// could not be read.
    CouponInvalid {
        /// The coupon's id.
        coupon: String,
    },
    /// The coupon's `redeem_by` has passed.
    CouponExpired {
        /// The coupon's last redemption time, in seconds since the Unix epoch.
        redeem_by: i64,
    },
    /// The coupon has been redeemed its `max_redemptions` times.
    CouponFullyRedeemed {
        /// The coupon's limit.
        max_redemptions: i64,
    },
    /// An amount-off coupon with no amount in the session's currency (or a session without
    /// a currency).
    CurrencyNotSupported {
        /// The session's currency, if it has one.
        currency: Option<String>,
    },
    /// The coupon applies to some products only, and the cart holds none of them.
    NotForTheseProducts,
}

impl fmt::Display for CodeRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, at): (&str, Option<&dyn fmt::Display>) = match self {
            Self::Unknown => ("no promotion code has this text", None),
            Self::Inactive => ("the promotion code is inactive", None),
            Self::Expired { expires_at } => ("the promotion code expired at", Some(expires_at)),
            Self::FullyRedeemed { max_redemptions } => (
                "the promotion code reached its max_redemptions of",
                Some(max_redemptions),
            ),
            Self::OtherCustomer => ("the promotion code is restricted to another customer", None),
            Self::FirstTimeOnly => (
                "the promotion code is for first-time transactions and the shopper has bought before",
                None,
            ),
            Self::FirstTimeUnverified => (
                "the promotion code is for first-time transactions and no purchase history is configured",
                None,
            ),
            Self::BelowMinimum { minimum, currency } => {
                return write!(
                    f,
                    "the subtotal is below the promotion code's minimum of {minimum} {currency}"
                );
            }
            Self::NoMinimumInCurrency { currency } => (
                "the promotion code has no minimum amount in",
                Some(currency),
            ),
            Self::CouponInvalid { coupon } => ("the coupon is no longer valid:", Some(coupon)),
            Self::CouponExpired { redeem_by } => {
                ("the coupon could be redeemed until", Some(redeem_by))
            }
            Self::CouponFullyRedeemed { max_redemptions } => (
                "the coupon reached its max_redemptions of",
                Some(max_redemptions),
            ),
            Self::CurrencyNotSupported { currency: Some(c) } => {
                ("the coupon has no amount in", Some(c))
            }
            Self::CurrencyNotSupported { currency: None } => (
                "the coupon has no amount in the session's (unset) currency",
                None,
            ),
            Self::NotForTheseProducts => {
                ("the coupon applies to none of the cart's products", None)
            }
        };
        f.write_str(what)?;
        match at {
            Some(at) => write!(f, " {at}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for CodeRefusal {}

impl CodeRefusal {
    /// A message the shopper may see: it says what to do without revealing other customers'
    /// codes or your settings beyond the minimum order.
    pub fn customer_message(&self) -> String {
        let message = match self {
            Self::Unknown | Self::OtherCustomer => "This code is not valid.",
            Self::Inactive | Self::CouponInvalid { .. } => "This code can no longer be used.",
            Self::Expired { .. } | Self::CouponExpired { .. } => "This code has expired.",
            Self::FullyRedeemed { .. } | Self::CouponFullyRedeemed { .. } => {
                "This code has reached its usage limit."
            }
            Self::FirstTimeOnly => "This code is only valid on a first order.",
            Self::FirstTimeUnverified => "This code cannot be applied to this order.",
            Self::BelowMinimum { minimum, currency } => {
                return format!(
                    "This code needs an order of at least {}.",
                    format_amount(*minimum, currency)
                );
            }
            Self::NoMinimumInCurrency { .. } | Self::CurrencyNotSupported { .. } => {
                "This code cannot be used in this currency."
            }
            Self::NotForTheseProducts => "This code does not apply to the items in your cart.",
        };
        message.to_owned()
    }

    /// The refusal a [`Rejection`] from [`TypedCodes`] carries, if it is one.
    pub fn of(rejection: &Rejection) -> Option<&CodeRefusal> {
        std::error::Error::source(rejection).and_then(|cause| cause.downcast_ref())
    }
}

/// Of the codes with the typed text, the one this session may use: an active code for this
/// customer, else an active code for anyone.
fn choose(
    found: Vec<PromotionCode>,
    typed: &str,
    session: &CheckoutSession,
) -> Result<PromotionCode, CodeRefusal> {
    let customer = session.customer.as_ref().map(Expandable::id);
    let mut same_text = found.into_iter().filter(|code| {
        code.code
            .as_deref()
            .is_some_and(|text| text.eq_ignore_ascii_case(typed))
    });
    let (mut anyone, mut other, mut inactive) = (None, false, false);
    for code in same_text.by_ref() {
        if code.active != Some(true) {
            inactive = true;
            continue;
        }
        match code.customer.as_ref().map(Expandable::id) {
            Some(only) if Some(only) == customer => return Ok(code),
            Some(_) => other = true,
            None if code.customer_account.is_some() => {
                if session.customer_account.is_some()
                    && code.customer_account == session.customer_account
                {
                    return Ok(code);
                }
                other = true;
            }
            None => {
                anyone.get_or_insert(code);
            }
        }
    }
    match anyone {
        Some(code) => Ok(code),
        None if other => Err(CodeRefusal::OtherCustomer),
        None if inactive => Err(CodeRefusal::Inactive),
        None => Err(CodeRefusal::Unknown),
    }
}

/// The rules of the code and its coupon that need nothing but the two objects: validity,
/// dates, redemption counts, currency and minimum amount. Answers the coupon to apply.
fn check_code<'c>(
    code: &'c PromotionCode,
    session: &CheckoutSession,
    now: i64,
) -> Result<&'c Coupon, CodeRefusal> {
    if let Some(expires_at) = code.expires_at.filter(|at| *at <= now) {
        return Err(CodeRefusal::Expired { expires_at });
    }
    if let Some(max) = code.max_redemptions {
        if code.times_redeemed.unwrap_or(0) >= max {
            return Err(CodeRefusal::FullyRedeemed {
                max_redemptions: max,
            });
        }
    }
    let coupon = code.coupon().ok_or_else(|| CodeRefusal::CouponInvalid {
        coupon: code.coupon_id().unwrap_or_default().to_owned(),
    })?;
    if let Some(redeem_by) = coupon.redeem_by.filter(|at| *at <= now) {
        return Err(CodeRefusal::CouponExpired { redeem_by });
    }
    if let Some(max) = coupon.max_redemptions {
        if coupon.times_redeemed.unwrap_or(0) >= max {
            return Err(CodeRefusal::CouponFullyRedeemed {
                max_redemptions: max,
            });
        }
    }
    // After the dates and counts, which say more about why Stripe marked it invalid.
    if coupon.valid == Some(false) {
        return Err(CodeRefusal::CouponInvalid {
            coupon: coupon.id.to_string(),
        });
    }
    let currency = session.currency.as_deref().map(str::to_ascii_lowercase);
    if coupon.amount_off.is_some()
        && currency
            .as_deref()
            .and_then(|c| amount_in(coupon, c))
            .is_none()
    {
        return Err(CodeRefusal::CurrencyNotSupported { currency });
    }
    if let Some(restrictions) = &code.restrictions {
        if let Some(minimum) = restrictions.minimum_amount {
            let Some(currency) = currency else {
                return Err(CodeRefusal::CurrencyNotSupported { currency: None });
            };
            let in_currency = if restrictions
                .minimum_amount_currency
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(&currency))
            {
                Some(minimum)
            } else {
                restrictions
                    .currency_options
                    .get(&currency)
                    .map(|option| option.minimum_amount)
            };
            let Some(minimum) = in_currency else {
                return Err(CodeRefusal::NoMinimumInCurrency { currency });
            };
            if session.amount_subtotal.unwrap_or(0) < minimum {
                return Err(CodeRefusal::BelowMinimum { minimum, currency });
            }
        }
    }
    Ok(coupon)
}

/// An amount-off coupon's amount in `currency` (lowercase): its own, or a currency option.
fn amount_in(coupon: &Coupon, currency: &str) -> Option<i64> {
    if coupon
        .currency
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(currency))
    {
        return coupon.amount_off;
    }
    coupon
        .currency_options
        .get(currency)
        .map(|option| option.amount_off)
}

/// The subtotal of the items whose product is one of `products`; `None` when there is none.
fn eligible_subtotal(items: &[SessionLineItem], products: &[String]) -> Option<i64> {
    let mut eligible = items.iter().filter(|item| {
        let product = item
            .price
            .as_ref()
            .and_then(|price| price.product.as_ref())
            .or(item.product.as_ref())
            .map(Expandable::id);
        product.is_some_and(|p| products.iter().any(|allowed| allowed == p))
    });
    let first = eligible.next()?;
    Some(
        eligible
            .fold(first.amount_subtotal, |sum, item| {
                sum.saturating_add(item.amount_subtotal)
            })
            .max(0),
    )
}

/// What `coupon` takes off `eligible` (the subtotal it applies to), rounded down and never
/// more than `eligible`.
fn coupon_worth(coupon: &Coupon, currency: Option<&str>, eligible: i64) -> i64 {
    if let Some(percent) = coupon.percent_off {
        // Stripe allows two decimals on a percentage, so basis points hold it exactly.
        let bps = (percent * 100.0).round().clamp(0.0, f64::from(u32::MAX));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Reward::PercentBps(bps as u32).amount_off(eligible);
    }
    let currency = currency.map(str::to_ascii_lowercase).unwrap_or_default();
    amount_in(coupon, &currency)
        .unwrap_or(0)
        .clamp(0, eligible.max(0))
}

fn unix_now(clock: &dyn Clock) -> i64 {
    clock
        .now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn lookup_failed(what: &str, error: crate::Error) -> Rejection {
    Rejection::new(format!("{what} failed: {error}"))
        .with_customer_message("That code could not be checked just now. Please try again.")
        .with_cause(error)
}

/// `amount` minor units of `currency` as the shopper reads it: `50.00 USD`, `5000 JPY`.
fn format_amount(amount: i64, currency: &str) -> String {
    // Stripe's zero-decimal and three-decimal currencies; every other has two decimals.
    const ZERO: [&str; 16] = [
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
        "xaf", "xof", "xpf",
    ];
    const THREE: [&str; 5] = ["bhd", "jod", "kwd", "omr", "tnd"];
    let lower = currency.to_ascii_lowercase();
    let upper = currency.to_ascii_uppercase();
    let decimals = if ZERO.contains(&lower.as_str()) {
        0
    } else if THREE.contains(&lower.as_str()) {
        3
    } else {
        2
    };
    if decimals == 0 {
        return format!("{amount} {upper}");
    }
    let scale = 10_i64.pow(decimals);
    let sign = if amount < 0 { "-" } else { "" };
    let abs = amount.unsigned_abs();
    let scale_u = scale.unsigned_abs();
    format!(
        "{sign}{}.{:0width$} {upper}",
        abs / scale_u,
        abs % scale_u,
        width = decimals as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::test_support::session;
    use serde_json::{Value, json};

    fn code(fields: Value) -> PromotionCode {
        let mut value = json!({
            "id": "promo_1", "object": "promotion_code", "code": "SUMMER", "active": true,
            "coupon": {"id": "PROMO", "object": "coupon", "percent_off": 25.0, "valid": true},
        });
        let (Value::Object(base), Value::Object(extra)) = (&mut value, fields) else {
            panic!("objects")
        };
        base.extend(extra);
        serde_json::from_value(value).unwrap()
    }

    fn cart(subtotal: i64, currency: &str) -> CheckoutSession {
        session(json!({"amount_subtotal": subtotal, "currency": currency, "customer": "cus_ada"}))
    }

    #[test]
    fn amounts_read_in_the_currency_s_own_unit() {
        let rows = [
            (5_000, "usd", "50.00 USD"),
            (5, "eur", "0.05 EUR"),
            (-150, "usd", "-1.50 USD"),
            (5_000, "JPY", "5000 JPY"),
            (1_234, "kwd", "1.234 KWD"),
            (0, "gbp", "0.00 GBP"),
        ];
        for (amount, currency, want) in rows {
            assert_eq!(format_amount(amount, currency), want);
        }
    }

    #[test]
    fn limits_hold_at_their_edges() {
        let now = 1_000;
        let ok = |c: &PromotionCode| check_code(c, &cart(8_000, "usd"), now).is_ok();
        assert!(ok(&code(json!({"expires_at": now + 1}))));
        assert!(!ok(&code(json!({"expires_at": now}))));
        assert!(ok(&code(
            json!({"max_redemptions": 2, "times_redeemed": 1})
        )));
        assert!(!ok(&code(
            json!({"max_redemptions": 2, "times_redeemed": 2})
        )));
        let coupon = |extra: Value| {
            let mut c = json!({"id": "PROMO", "object": "coupon", "percent_off": 25.0});
            c.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            code(json!({ "coupon": c }))
        };
        assert!(ok(&coupon(json!({"redeem_by": now + 1}))));
        assert_eq!(
            check_code(&coupon(json!({"redeem_by": now})), &cart(1, "usd"), now).unwrap_err(),
            CodeRefusal::CouponExpired { redeem_by: now }
        );
        assert!(ok(&coupon(
            json!({"max_redemptions": 3, "times_redeemed": 2})
        )));
        assert!(!ok(&coupon(
            json!({"max_redemptions": 3, "times_redeemed": 3})
        )));
        assert!(!ok(&coupon(json!({"valid": false}))));
        assert!(ok(&coupon(json!({"valid": true}))));
        let minimum = code(json!({"restrictions": {
            "minimum_amount": 8_000, "minimum_amount_currency": "USD",
        }}));
        assert!(ok(&minimum), "at the minimum, whatever the currency's case");
        assert_eq!(
            check_code(&minimum, &cart(7_999, "usd"), now).unwrap_err(),
            CodeRefusal::BelowMinimum {
                minimum: 8_000,
                currency: "usd".into()
            }
        );
        let no_currency = session(json!({"amount_subtotal": 9_000}));
        assert_eq!(
            check_code(&minimum, &no_currency, now).unwrap_err(),
            CodeRefusal::CurrencyNotSupported { currency: None }
        );
    }

    #[test]
    fn the_coupon_must_be_readable() {
        let bare =
            code(json!({"coupon": null, "promotion": {"type": "coupon", "coupon": "PROMO"}}));
        assert_eq!(
            check_code(&bare, &cart(1, "usd"), 0).unwrap_err(),
            CodeRefusal::CouponInvalid {
                coupon: "PROMO".into()
            }
        );
    }

    #[test]
    fn the_customer_s_own_code_wins_then_the_one_for_anyone() {
        let mine = code(json!({"id": "promo_mine", "customer": "cus_ada"}));
        let theirs = code(json!({"id": "promo_theirs", "customer": "cus_bob"}));
        let anyone = code(json!({"id": "promo_any"}));
        let off = code(json!({"id": "promo_off", "active": false}));
        let other_text = code(json!({"id": "promo_other", "code": "WINTER"}));
        let pick = |found: Vec<PromotionCode>| {
            choose(found, "summer", &cart(1, "usd")).map(|c| c.id.to_string())
        };
        assert_eq!(
            pick(vec![anyone.clone(), theirs.clone(), mine.clone()]),
            Ok("promo_mine".into())
        );
        assert_eq!(
            pick(vec![theirs.clone(), anyone.clone()]),
            Ok("promo_any".into())
        );
        assert_eq!(
            pick(vec![theirs.clone(), off.clone()]),
            Err(CodeRefusal::OtherCustomer)
        );
        assert_eq!(pick(vec![off]), Err(CodeRefusal::Inactive));
        assert_eq!(pick(vec![other_text]), Err(CodeRefusal::Unknown));
        assert_eq!(pick(Vec::new()), Err(CodeRefusal::Unknown));
        let account = code(json!({"id": "promo_acct", "customer_account": "acct_1"}));
        assert_eq!(pick(vec![account.clone()]), Err(CodeRefusal::OtherCustomer));
        let as_account = session(json!({"customer_account": "acct_1"}));
        assert_eq!(
            choose(vec![account.clone()], "SUMMER", &as_account).map(|c| c.id.to_string()),
            Ok("promo_acct".into())
        );
        let other_account = session(json!({"customer_account": "acct_2"}));
        assert_eq!(
            choose(vec![account], "SUMMER", &other_account).map(|c| c.id.to_string()),
            Err(CodeRefusal::OtherCustomer)
        );
    }

    #[test]
    fn worth_is_rounded_down_and_capped() {
        let coupon = |v: Value| -> Coupon {
            let mut c = json!({"id": "C", "object": "coupon"});
            c.as_object_mut()
                .unwrap()
                .extend(v.as_object().unwrap().clone());
            serde_json::from_value(c).unwrap()
        };
        let rows = [
            (json!({"percent_off": 25.0}), Some("usd"), 8_000, 2_000),
            (json!({"percent_off": 12.5}), Some("usd"), 333, 41),
            (json!({"percent_off": 33.33}), Some("usd"), 10_000, 3_333),
            (
                json!({"amount_off": 1_000, "currency": "usd"}),
                Some("USD"),
                8_000,
                1_000,
            ),
            (
                json!({"amount_off": 1_000, "currency": "usd"}),
                Some("usd"),
                600,
                600,
            ),
            (
                json!({"amount_off": 1_000, "currency": "usd", "currency_options": {"eur": {"amount_off": 900}}}),
                Some("eur"),
                8_000,
                900,
            ),
            (
                json!({"amount_off": 1_000, "currency": "usd"}),
                Some("eur"),
                8_000,
                0,
            ),
            (
                json!({"amount_off": 1_000, "currency": "usd"}),
                None,
                8_000,
                0,
            ),
        ];
        for (c, currency, eligible, want) in rows {
            assert_eq!(
                coupon_worth(&coupon(c.clone()), currency, eligible),
                want,
                "{c}"
            );
        }
    }

    #[test]
    fn only_the_coupon_s_products_count() {
        let items: Vec<SessionLineItem> = serde_json::from_value(json!([
            {"id": "li_1", "object": "item", "amount_subtotal": 8_000, "amount_discount": 0,
             "amount_tax": 0, "amount_total": 8_000,
             "price": {"id": "price_j", "object": "price", "product": "prod_jacket"}},
            {"id": "li_2", "object": "item", "amount_subtotal": 4_000, "amount_discount": 0,
             "amount_tax": 0, "amount_total": 4_000,
             "price": {"id": "price_c", "object": "price", "product": "prod_cap"}},
            {"id": "li_3", "object": "item", "amount_subtotal": 1_000, "amount_discount": 0,
             "amount_tax": 0, "amount_total": 1_000,
             "price": {"id": "price_c2", "object": "price", "product": "prod_cap"}},
        ]))
        .unwrap();
        let products = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            eligible_subtotal(&items, &products(&["prod_cap"])),
            Some(5_000)
        );
        assert_eq!(
            eligible_subtotal(&items, &products(&["prod_cap", "prod_jacket"])),
            Some(13_000)
        );
        assert_eq!(eligible_subtotal(&items, &products(&["prod_tea"])), None);
    }

    #[test]
    fn histories_say_yes_no_or_cannot_tell() {
        use crate::discounts::policies::test_support::block_on;
        let ada = session(json!({"customer": "cus_ada", "customer_email": "ada@example.com"}));
        let guest = session(json!({}));
        let known: HashSet<String> = HashSet::from(["cus_ada".to_owned()]);
        let ask =
            |h: &dyn PurchaseHistory, s: &CheckoutSession| block_on(h.has_purchased(s)).unwrap();
        assert_eq!(ask(&known, &ada), Some(true));
        assert_eq!(ask(&HashSet::new(), &ada), Some(false));
        assert_eq!(ask(&known, &guest), None);
        assert_eq!(ask(&NoPurchaseHistory, &ada), None);
        let by_email =
            |s: &CheckoutSession| s.customer_email.as_ref().map(|e| e == "ada@example.com");
        assert_eq!(ask(&by_email, &ada), Some(true));
        assert_eq!(ask(&by_email, &guest), None);
    }

    #[test]
    fn debug_says_whether_a_history_is_set_and_hides_the_key() {
        let client = Client::new("sk_test_TypedCodesDebug0000000000000001").unwrap();
        let without = format!("{:?}", TypedCodes::new(client.clone()));
        let with = format!(
            "{:?}",
            TypedCodes::new(client).purchase_history(HashSet::<String>::new())
        );
        assert!(
            without.starts_with("TypedCodes {") && without.contains("NoPurchaseHistory"),
            "{without}"
        );
        assert!(with.contains("HashSet"), "{with}");
        assert!(!with.contains("TypedCodesDebug0000000000000001"), "{with}");
    }

    #[test]
    fn refusals_name_their_facts_for_the_logs() {
        assert_eq!(
            CodeRefusal::CurrencyNotSupported { currency: None }.to_string(),
            "the coupon has no amount in the session's (unset) currency"
        );
        assert_eq!(
            CodeRefusal::Expired { expires_at: 5 }.to_string(),
            "the promotion code expired at 5"
        );
        let messages: HashSet<String> = [
            CodeRefusal::Unknown,
            CodeRefusal::Inactive,
            CodeRefusal::Expired { expires_at: 1 },
            CodeRefusal::FullyRedeemed { max_redemptions: 1 },
            CodeRefusal::FirstTimeOnly,
            CodeRefusal::FirstTimeUnverified,
            CodeRefusal::NoMinimumInCurrency {
                currency: "eur".into(),
            },
            CodeRefusal::NotForTheseProducts,
        ]
        .iter()
        .map(CodeRefusal::customer_message)
        .collect();
        assert_eq!(
            messages.len(),
            8,
            "each kind of refusal says something of its own"
        );
    }
}
