//! [`UpdatePolicy`] — your rules for what a session becomes when the page asks — and
//! [`Compose`], which runs several policies into one update.
//!
//! The flow that calls a policy is [`run`](super::run); ready-made policies live in
//! [`policies`](super::policies), and the discount policies join a composition through
//! [`DiscountPolicy::into_update_policy`](crate::discounts::DiscountPolicy::into_update_policy).

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;

use super::{Changes, Part, Rejection, SessionView, UpdateRequest};

/// Decides what a Checkout Session becomes when the page asks for a change, from your own
/// systems.
///
/// [`run`](super::run) retrieves the session from Stripe (never trusting the page), checks that
/// the session lets your server change every part the policy [declares](Self::parts), asks
/// [`changes`](Self::changes), and sends one update with what actually differs.
///
/// A policy answers the whole of each part it sets (the whole cart, every shipping option),
/// computed from the [`SessionView`], so running it twice gives the same answer and a repeated
/// request sends nothing.
///
/// ```
/// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
/// use stripe_checkout_client::updates::{
///     async_trait, CartLine, Changes, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest,
/// };
///
/// /// Adds one gift card sleeve to every cart that has none.
/// struct Sleeve;
///
/// #[async_trait]
/// impl UpdatePolicy for Sleeve {
///     fn parts(&self) -> Vec<Part> {
///         vec![Part::LineItems]
///     }
///
///     async fn changes(&self, _: &UpdateRequest, view: &SessionView) -> Result<Changes, Rejection> {
///         if view.line_items().iter().any(|line| line.name() == Some("Sleeve")) {
///             return Ok(Changes::none());
///         }
///         let currency = view.currency().ok_or_else(|| Rejection::new("session has no currency"))?;
///         let mut cart = view.line_items().to_vec();
///         cart.push(CartLine::price_data(PriceData::new(currency, 100, ProductData::new("Sleeve")), 1));
///         Ok(Changes::none().line_items(cart))
///     }
/// }
/// ```
#[async_trait]
pub trait UpdatePolicy: Send + Sync {
    /// The parts this policy may change. The flow retrieves what they need (the whole cart for
    /// [`Part::LineItems`], the discounts' coupons for [`Part::Discounts`], the shipping rates
    /// for [`Part::ShippingOptions`]), refuses the request before asking the policy when the
    /// session does not let the server change one of them, and refuses a change to a part not
    /// declared here.
    fn parts(&self) -> Vec<Part>;

    /// Extra fields to expand when the session is retrieved (e.g. `customer`), besides what
    /// the declared parts need.
    fn expand(&self) -> Vec<String> {
        Vec::new()
    }

    /// What the session should become. Parts left unset stay as they are.
    ///
    /// # Errors
    /// A [`Rejection`] when the request must not be honoured; nothing is sent to Stripe.
    async fn changes(
        &self,
        request: &UpdateRequest,
        view: &SessionView,
    ) -> Result<Changes, Rejection>;
}

macro_rules! forward_update_policy {
    ($($ty:ty),*) => {$(
        #[async_trait]
        impl<P: UpdatePolicy + ?Sized> UpdatePolicy for $ty {
            fn parts(&self) -> Vec<Part> {
                (**self).parts()
            }
            fn expand(&self) -> Vec<String> {
                (**self).expand()
            }
            async fn changes(
                &self,
                request: &UpdateRequest,
                view: &SessionView,
            ) -> Result<Changes, Rejection> {
                (**self).changes(request, view).await
            }
        }
    )*};
}

forward_update_policy!(Box<P>, Arc<P>, &P);

/// Several policies run as one, so their consequences land in one update: "add the gift
/// wrap" also moves the cart discount and the free-shipping threshold.
///
/// **Order.** The policies run in the order they were added. Each sees the session with the
/// changes of those before it applied ([`SessionView`]): put the policies that change the cart
/// first, then those that price shipping from it, then the discounts.
///
/// **Conflicts.** When two policies set the same part, the later one's value is sent. It saw
/// the earlier value, so it answers the whole part knowing it (a quantity limit after an
/// upsell caps the upsell's cart). The first rejection stops the run: nothing is sent.
///
/// ```
/// use stripe_checkout_client::updates::{Compose, Part, UpdatePolicy};
/// use stripe_checkout_client::updates::policies::{AddOn, ShippingRates};
///
/// let gift_wrap = Compose::new()
///     .then(AddOn::new("Gift wrap", 500))
///     .then(ShippingRates::new().country("US", [("Standard", 500)]).free_over(10_000));
/// assert_eq!(gift_wrap.parts(), [Part::LineItems, Part::ShippingDetails, Part::ShippingOptions]);
/// ```
#[derive(Default)]
pub struct Compose<'p> {
    policies: Vec<Box<dyn UpdatePolicy + 'p>>,
}

impl<'p> Compose<'p> {
    /// No policy yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same composition with `policy` run after the others.
    #[must_use]
    pub fn then(mut self, policy: impl UpdatePolicy + 'p) -> Self {
        self.policies.push(Box::new(policy));
        self
    }
}

impl fmt::Debug for Compose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Compose")
            .field("policies", &self.policies.len())
            .field("parts", &self.parts())
            .finish()
    }
}

#[async_trait]
impl UpdatePolicy for Compose<'_> {
    fn parts(&self) -> Vec<Part> {
        let declared: Vec<Vec<Part>> = self.policies.iter().map(|p| p.parts()).collect();
        Part::ALL
            .into_iter()
            .filter(|part| declared.iter().any(|parts| parts.contains(part)))
            .collect()
    }

    fn expand(&self) -> Vec<String> {
        let mut expand: Vec<String> = Vec::new();
        for field in self.policies.iter().flat_map(|p| p.expand()) {
            if !expand.contains(&field) {
                expand.push(field);
            }
        }
        expand
    }

    async fn changes(
        &self,
        request: &UpdateRequest,
        view: &SessionView,
    ) -> Result<Changes, Rejection> {
        let mut view = view.clone();
        let mut all = Changes::none();
        for policy in &self.policies {
            let changes = policy.changes(request, &view).await?;
            view = view.with_changes(changes.clone());
            all = all.then(changes);
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Declares `parts`, asks for `expand`, changes nothing.
    struct Asks(Vec<Part>, Vec<&'static str>);

    #[async_trait]
    impl UpdatePolicy for Asks {
        fn parts(&self) -> Vec<Part> {
            self.0.clone()
        }

        fn expand(&self) -> Vec<String> {
            self.1.iter().map(|s| (*s).to_owned()).collect()
        }

        async fn changes(&self, _: &UpdateRequest, _: &SessionView) -> Result<Changes, Rejection> {
            Ok(Changes::none())
        }
    }

    #[test]
    fn a_composition_declares_and_expands_the_union_of_its_policies_once_each() {
        let composed = Compose::new()
            .then(Asks(vec![Part::Discounts], vec!["customer"]))
            .then(Asks(
                vec![Part::LineItems, Part::Discounts],
                vec!["customer", "invoice"],
            ));
        assert_eq!(composed.parts(), [Part::LineItems, Part::Discounts]);
        assert_eq!(composed.expand(), ["customer", "invoice"]);
        assert_eq!(
            format!("{composed:?}"),
            "Compose { policies: 2, parts: [LineItems, Discounts] }"
        );
        assert!(Compose::new().expand().is_empty());
        // The default asks for nothing more than the parts need.
        struct Plain;
        #[async_trait]
        impl UpdatePolicy for Plain {
            fn parts(&self) -> Vec<Part> {
                Vec::new()
            }
            async fn changes(
                &self,
                _: &UpdateRequest,
                _: &SessionView,
            ) -> Result<Changes, Rejection> {
                Ok(Changes::none())
            }
        }
        assert!(Plain.expand().is_empty());
        let boxed: Box<dyn UpdatePolicy> = Box::new(Asks(vec![Part::Trial], vec!["customer"]));
        assert_eq!(
            (boxed.parts(), boxed.expand()),
            (vec![Part::Trial], vec!["customer".to_owned()])
        );
    }
}
