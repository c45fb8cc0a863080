//! The promotion code endpoints: [`PromotionCodes`], reached with
//! [`Client::promotion_codes`].
//!
//! The params live in `promotion_code_params.rs`, the answer in `promotion_code.rs`.

use super::promotion_code::PromotionCode;
use super::promotion_code_params::CreatePromotionCode;
use crate::client::Client;
use crate::request::PendingRequest;
use crate::transport::{Answer, Method};

impl Client {
    /// The promotion code endpoints.
    ///
    /// ```no_run
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::discounts::CreatePromotionCode;
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let code = client
    ///     .promotion_codes()
    ///     .create(&CreatePromotionCode::new("SUMMER25").code("SUMMER"))
    ///     .await?;
    /// assert_eq!(code.coupon_id(), Some("SUMMER25"));
    /// # Ok(()) }
    /// ```
    pub fn promotion_codes(&self) -> PromotionCodes<'_> {
        PromotionCodes { client: self }
    }
}

/// The promotion code endpoints of a [`Client`]; see [`Client::promotion_codes`].
#[derive(Clone, Copy, Debug)]
pub struct PromotionCodes<'c> {
    client: &'c Client,
}

impl<'c> PromotionCodes<'c> {
    /// Creates a promotion code (`POST /v1/promotion_codes`), naming its coupon the way the
    /// request's API version expects (see [`CreatePromotionCode`]).
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) if `params` break a rule Stripe
    /// would reject (nothing is sent); otherwise any [`Error`](crate::Error) from the request
    /// (`404` for an unknown coupon, `400` for a code already in use).
    pub fn create(&self, params: &CreatePromotionCode) -> PendingRequest<'c, PromotionCode> {
        PendingRequest::new(
            &self.client.inner,
            Method::Post,
            "/v1/promotion_codes".to_owned(),
            params.gated_pairs(),
            Answer::decode::<PromotionCode>,
        )
    }
}
