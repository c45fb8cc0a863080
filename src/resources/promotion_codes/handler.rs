//! The promotion code endpoints: [`PromotionCodes`], reached with
//! [`Client::promotion_codes`].
//!
//! The params live in `params.rs`, the answer in `promotion_code.rs`.

use crate::error::Result;
use crate::ids::PromotionCodeId;
use crate::resources::promotion_codes::PromotionCode;
use crate::resources::promotion_codes::params::{
    CreatePromotionCode, ListPromotionCodes, UpdatePromotionCode,
};
use crate::sending::client::Client;
use crate::sending::request::PendingRequest;
use crate::sending::transport::{Answer, Method};
use crate::versions::version_gate::Gated;
use crate::wire::list::List;

const PROMOTION_CODES: &str = "/v1/promotion_codes";

impl Client {
    /// The promotion code endpoints.
    ///
    /// ```no_run
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::promotion_codes::CreatePromotionCode;
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
        self.request(
            Method::Post,
            PROMOTION_CODES.to_owned(),
            params.gated_pairs(),
        )
    }

    /// Retrieves a promotion code (`GET /v1/promotion_codes/{id}`); chain
    /// [`.expand(["promotion.coupon"])`](PendingRequest::expand) for its coupon on clover and
    /// later versions, which do not nest it.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error) from the request (`404` for an unknown code).
    pub fn retrieve(&self, id: &PromotionCodeId) -> PendingRequest<'c, PromotionCode> {
        self.request(
            Method::Get,
            format!("{PROMOTION_CODES}/{id}"),
            Ok(Gated::default()),
        )
    }

    /// Updates a promotion code (`POST /v1/promotion_codes/{id}`).
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for params that break a rule
    /// Stripe would reject (nothing is sent); otherwise any [`Error`](crate::Error) from the
    /// request.
    pub fn update(
        &self,
        id: &PromotionCodeId,
        params: &UpdatePromotionCode,
    ) -> PendingRequest<'c, PromotionCode> {
        self.request(
            Method::Post,
            format!("{PROMOTION_CODES}/{id}"),
            params.gated_pairs(),
        )
    }

    /// Lists one page of promotion codes (`GET /v1/promotion_codes`), newest first.
    ///
    /// ```no_run
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::promotion_codes::ListPromotionCodes;
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let found = client
    ///     .promotion_codes()
    ///     .list(&ListPromotionCodes::new().code("SUMMER").active(true).limit(1))
    ///     .await?;
    /// if let Some(code) = found.data.first() {
    ///     println!("{} applies coupon {:?}", code.id, code.coupon_id());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for params that break a rule
    /// Stripe would reject; otherwise any [`Error`](crate::Error) from the request.
    pub fn list(&self, params: &ListPromotionCodes) -> PendingRequest<'c, List<PromotionCode>> {
        PendingRequest::new(
            &self.client.inner,
            Method::Get,
            PROMOTION_CODES.to_owned(),
            params.gated_pairs(),
            Answer::model::<List<PromotionCode>>,
        )
    }

    fn request(
        &self,
        method: Method,
        path: String,
        params: Result<Gated>,
    ) -> PendingRequest<'c, PromotionCode> {
        PendingRequest::new(&self.client.inner, method, path, params, decode_code)
    }
}

/// The promotion code decoder, instantiated once for every endpoint that answers a code.
fn decode_code(answer: Answer) -> Result<PromotionCode> {
    answer.model()
}
