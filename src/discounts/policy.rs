//! The [`DiscountPolicy`] trait — your rules for which discount a session gets — with the
//! closure adapter [`policy_fn`] and [`DiscountUpdatePolicy`], which lets a discount policy
//! join a [`Compose`](crate::updates::Compose) of the server-update family.
//!
//! Ready-made policies live in [`policies`](super::policies); the flow that calls a policy is
//! [`update_discounts`](super::update_discounts).

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;

use super::{Discount, DiscountRequest};
use crate::checkout::CheckoutSession;
use crate::updates::{Changes, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest};

/// Decides which discounts a Checkout Session carries, from your own systems.
///
/// [`update_discounts`](super::update_discounts) retrieves the session from Stripe (never
/// trusting the browser), then calls [`validate`](Self::validate) and
/// [`recompute`](Self::recompute). `recompute` returns the complete list the session should
/// have: an empty list removes every discount. Stripe accepts at most one.
///
/// Policies should compute from `amount_subtotal` (before discounts), so running one twice
/// gives the same answer and the flow can skip updates that would change nothing.
///
/// ```
/// use stripe_checkout_client::discounts::async_trait;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{
///     CouponData, Discount, DiscountPolicy, DiscountRequest, Rejection,
/// };
///
/// /// 5.00 off for anyone who asks, in the session's currency.
/// struct FiveOff;
///
/// #[async_trait]
/// impl DiscountPolicy for FiveOff {
///     async fn recompute(&self, request: &DiscountRequest, session: &CheckoutSession)
///         -> Result<Vec<Discount>, Rejection>
///     {
///         if request.is_removal() {
///             return Ok(Vec::new());
///         }
///         let currency = session.currency.clone().unwrap_or_else(|| "usd".into());
///         Ok(vec![Discount::CouponData(CouponData::amount_off(500, currency).name("Five off"))])
///     }
/// }
/// ```
#[async_trait]
pub trait DiscountPolicy: Send + Sync {
    /// Extra fields to expand when the session is retrieved (e.g. `line_items`), besides the
    /// `discounts.coupon` and `discounts.promotion_code` the flow always expands.
    fn expand(&self) -> Vec<String> {
        Vec::new()
    }

    /// Checks that the request is acceptable for this session. The default accepts at most
    /// one requested discount, as Stripe's guide does.
    ///
    /// # Errors
    /// A [`Rejection`] when the request must not be honoured; nothing is sent to Stripe.
    async fn validate(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<(), Rejection> {
        let _ = session;
        match &request.discounts {
            Some(list) if list.len() > 1 => Err(Rejection::new(format!(
                "{} discounts requested, at most one allowed",
                list.len()
            ))),
            _ => Ok(()),
        }
    }

    /// The discounts the session should carry now; empty removes all.
    ///
    /// # Errors
    /// A [`Rejection`] when no answer can be given (e.g. an unknown code); nothing is sent.
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection>;

    /// The discounts of [`recompute`](Self::recompute) together with what they take off this
    /// session, when the policy knows it. Combinators that compare policies
    /// ([`BestForCustomer`](super::policies::BestForCustomer)) ask for this; the default
    /// answers `recompute`'s list with the worth left to the combinator, which can price
    /// inline `coupon_data` but not a coupon given by id. A policy that applies coupons by id
    /// and knows their terms overrides it.
    ///
    /// # Errors
    /// As [`recompute`](Self::recompute).
    async fn offer(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Offer, Rejection> {
        Ok(Offer::new(self.recompute(request, session).await?))
    }

    /// This policy as a member of the server-update family, to run in a
    /// [`Compose`](crate::updates::Compose) with policies for the cart or shipping: it sees
    /// the session as the policies before it left it (the new subtotal, the new address).
    ///
    /// ```
    /// use stripe_checkout_client::discounts::{DiscountPolicy, policies::CartThreshold};
    /// use stripe_checkout_client::updates::{Compose, Part, UpdatePolicy, policies::AddOn};
    ///
    /// let policy = Compose::new()
    ///     .then(AddOn::new("Gift wrap", 500))
    ///     .then(CartThreshold::guide().into_update_policy());
    /// assert_eq!(policy.parts(), [Part::LineItems, Part::Discounts]);
    /// ```
    fn into_update_policy(self) -> DiscountUpdatePolicy<Self>
    where
        Self: Sized,
    {
        DiscountUpdatePolicy {
            policy: self,
            request: None,
        }
    }
}

/// What a policy offers a session: its discounts and, when the policy knows it, the amount
/// they take off the subtotal (see [`DiscountPolicy::offer`]).
///
/// ```
/// use stripe_checkout_client::discounts::{Discount, Offer};
///
/// let offer = Offer::new(vec![Discount::Coupon("SUMMER25".parse()?)]).worth(2_500);
/// assert_eq!(offer.amount_off, Some(2_500));
/// assert!(Offer::none().discounts.is_empty());
/// # Ok::<(), stripe_checkout_client::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Offer {
    /// The discounts the session should carry (empty: none).
    pub discounts: Vec<Discount>,
    /// What they take off the session's subtotal, in its currency's smallest unit; `None`
    /// when the policy does not know.
    pub amount_off: Option<i64>,
}

impl Offer {
    /// `discounts`, worth unknown.
    pub fn new(discounts: Vec<Discount>) -> Self {
        Self {
            discounts,
            amount_off: None,
        }
    }

    /// No discount, worth nothing.
    pub fn none() -> Self {
        Self {
            discounts: Vec::new(),
            amount_off: Some(0),
        }
    }

    /// The same offer, known to take `amount_off` off the subtotal.
    pub fn worth(mut self, amount_off: i64) -> Self {
        self.amount_off = Some(amount_off);
        self
    }
}

/// A [`DiscountPolicy`] as an [`UpdatePolicy`]: made by
/// [`DiscountPolicy::into_update_policy`]. It changes [`Part::Discounts`] only: it validates
/// and recomputes against [`SessionView::projected_session`], the session with the earlier
/// policies' cart and address, and asks for the discounts it computes.
///
/// The discount request is read from the page's body (`discounts`, as
/// [`DiscountRequest::from_json`] reads it); a malformed one is a rejection.
#[derive(Clone, Debug)]
pub struct DiscountUpdatePolicy<P> {
    policy: P,
    /// The request as the discount face parsed it, when it runs the flow itself.
    request: Option<DiscountRequest>,
}

impl<P> DiscountUpdatePolicy<P> {
    /// The policy for the discount face's own request, already parsed.
    pub(crate) fn for_request(policy: P, request: DiscountRequest) -> Self {
        Self {
            policy,
            request: Some(request),
        }
    }
}

#[async_trait]
impl<P: DiscountPolicy> UpdatePolicy for DiscountUpdatePolicy<P> {
    fn parts(&self) -> Vec<Part> {
        vec![Part::Discounts]
    }

    fn expand(&self) -> Vec<String> {
        self.policy.expand()
    }

    async fn changes(
        &self,
        request: &UpdateRequest,
        view: &SessionView,
    ) -> Result<Changes, Rejection> {
        let parsed;
        let discount_request = match &self.request {
            Some(own) => own,
            None => {
                let body = serde_json::to_vec(request)
                    .map_err(|e| Rejection::new(format!("request body: {e}")))?;
                parsed = DiscountRequest::from_json(&body)
                    .map_err(|e| Rejection::new(format!("discount request: {e}")).with_cause(e))?;
                &parsed
            }
        };
        let session = view.projected_session();
        self.policy.validate(discount_request, &session).await?;
        let discounts = self.policy.recompute(discount_request, &session).await?;
        Ok(Changes::none().discounts(discounts))
    }
}

macro_rules! forward_policy {
    ($($ty:ty),*) => {$(
        #[async_trait]
        impl<P: DiscountPolicy + ?Sized> DiscountPolicy for $ty {
            fn expand(&self) -> Vec<String> {
                (**self).expand()
            }
            async fn validate(
                &self,
                request: &DiscountRequest,
                session: &CheckoutSession,
            ) -> Result<(), Rejection> {
                (**self).validate(request, session).await
            }
            async fn recompute(
                &self,
                request: &DiscountRequest,
                session: &CheckoutSession,
            ) -> Result<Vec<Discount>, Rejection> {
                (**self).recompute(request, session).await
            }
            async fn offer(
                &self,
                request: &DiscountRequest,
                session: &CheckoutSession,
            ) -> Result<Offer, Rejection> {
                (**self).offer(request, session).await
            }
        }
    )*};
}

forward_policy!(Box<P>, Arc<P>, &P);

/// A policy from a closure that computes the discounts; validation is the default (at most
/// one requested discount). For policies that need `.await`, implement [`DiscountPolicy`].
///
/// ```
/// use stripe_checkout_client::discounts::{policy_fn, CouponData, Discount, DiscountPolicy};
///
/// let policy = policy_fn(|request, session| {
///     if request.is_removal() || session.amount_subtotal.unwrap_or(0) < 5_000 {
///         return Ok(Vec::new());
///     }
///     Ok(vec![Discount::Coupon("BIGCART".parse().unwrap())])
/// });
/// fn assert_policy(_: &impl DiscountPolicy) {}
/// assert_policy(&policy);
/// ```
pub fn policy_fn<F>(recompute: F) -> PolicyFn<F>
where
    F: Fn(&DiscountRequest, &CheckoutSession) -> Result<Vec<Discount>, Rejection> + Send + Sync,
{
    PolicyFn(recompute)
}

/// The policy made by [`policy_fn`].
#[derive(Clone, Copy)]
pub struct PolicyFn<F>(F);

impl<F> fmt::Debug for PolicyFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PolicyFn")
    }
}

#[async_trait]
impl<F> DiscountPolicy for PolicyFn<F>
where
    F: Fn(&DiscountRequest, &CheckoutSession) -> Result<Vec<Discount>, Rejection> + Send + Sync,
{
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        (self.0)(request, session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_from_a_closure_shows_its_kind() {
        let policy = policy_fn(|_, _| Ok(Vec::new()));
        assert_eq!(format!("{policy:?}"), "PolicyFn");
    }
}
