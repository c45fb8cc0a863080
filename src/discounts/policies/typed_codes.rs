//! [`TypedCodes`]: the promotion codes shoppers type in your code box, looked up on Stripe and
//! held to Stripe's redemption rules on your server, with why a code is refused
//! ([`CodeRefusal`]) and the hook that tells a returning customer ([`PurchaseHistory`]).
//!
//! With `permissions[update_discounts]=server_only` the browser cannot apply a promotion code
//! itself, and the update endpoint takes a coupon, never a promotion code, so the rules Stripe
//! would apply to the code are this policy's to apply. The rule set is Stripe's documented
//! one; which codes exist is the account's, read with one list request per typed code.

use std::fmt;

use async_trait::async_trait;

mod purchase_history;
mod refusal;
mod rules;
#[cfg(test)]
mod tests;

pub use purchase_history::{NoPurchaseHistory, PurchaseHistory};
pub use refusal::CodeRefusal;
use rules::{check_code, choose, coupon_worth, eligible_subtotal, lookup_failed, unix_now};

use super::time_window::{Clock, SystemClock};
use crate::checkout::{CheckoutSession, ListLineItems, SessionLineItem};
use crate::discounts::{
    Discount, DiscountPolicy, DiscountRequest, Offer, Rejection, RequestedDiscount,
};
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
