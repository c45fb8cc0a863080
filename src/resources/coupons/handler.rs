//! The coupon endpoints: [`Coupons`], reached with [`Client::coupons`], and
//! [`DeletedCoupon`], what a delete answers.
//!
//! The params live in `params.rs`, the answer in `coupon.rs`.

use crate::declare::model::model;

use crate::error::Result;
use crate::ids::CouponId;
use crate::resources::coupons::Coupon;
use crate::resources::coupons::params::{CreateCoupon, ListCoupons, UpdateCoupon};
use crate::sending::client::Client;
use crate::sending::request::PendingRequest;
use crate::sending::transport::{Answer, Method};
use crate::versions::version_gate::Gated;
use crate::wire::list::List;

const COUPONS: &str = "/v1/coupons";

impl Client {
    /// The coupon endpoints.
    ///
    /// ```no_run
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::coupons::CreateCoupon;
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let coupon = client
    ///     .coupons()
    ///     .create(&CreateCoupon::percent_off(25.0).id("SUMMER25").max_redemptions(500))
    ///     .await?;
    /// assert_eq!(coupon.id, "SUMMER25");
    /// # Ok(()) }
    /// ```
    pub fn coupons(&self) -> Coupons<'_> {
        Coupons { client: self }
    }
}

/// The coupon endpoints of a [`Client`]; see [`Client::coupons`].
#[derive(Clone, Copy, Debug)]
pub struct Coupons<'c> {
    client: &'c Client,
}

model! {
    /// What deleting a coupon answers (`{"id": …, "object": "coupon", "deleted": true}`).
    #[derive(Eq)]
    pub struct DeletedCoupon {
        /// The deleted coupon's id.
        pub id: String,
        /// Always `true`.
        pub deleted: bool,
    }
}

impl<'c> Coupons<'c> {
    /// Creates a coupon (`POST /v1/coupons`).
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) if `params` break a rule Stripe
    /// would reject (nothing is sent); otherwise any [`Error`](crate::Error) from the request
    /// (`400` for an id already in use).
    pub fn create(&self, params: &CreateCoupon) -> PendingRequest<'c, Coupon> {
        self.request(Method::Post, COUPONS.to_owned(), params.gated_pairs())
    }

    /// Retrieves a coupon (`GET /v1/coupons/{id}`).
    ///
    /// # Errors
    /// Any [`Error`](crate::Error) from the request (`404` for an unknown coupon).
    pub fn retrieve(&self, id: &CouponId) -> PendingRequest<'c, Coupon> {
        self.request(Method::Get, format!("{COUPONS}/{id}"), Ok(Gated::default()))
    }

    /// Updates a coupon's name, metadata or other currencies' amounts
    /// (`POST /v1/coupons/{id}`).
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for params that break a rule
    /// Stripe would reject (nothing is sent); otherwise any [`Error`](crate::Error) from the
    /// request.
    pub fn update(&self, id: &CouponId, params: &UpdateCoupon) -> PendingRequest<'c, Coupon> {
        self.request(
            Method::Post,
            format!("{COUPONS}/{id}"),
            params.gated_pairs(),
        )
    }

    /// Deletes a coupon (`DELETE /v1/coupons/{id}`): it can no longer be applied, and what
    /// it already discounts keeps its discount.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error) from the request (`404` for an unknown coupon).
    pub fn delete(&self, id: &CouponId) -> PendingRequest<'c, DeletedCoupon> {
        PendingRequest::new(
            &self.client.inner,
            Method::Delete,
            format!("{COUPONS}/{id}"),
            Ok(Gated::default()),
            Answer::model::<DeletedCoupon>,
        )
    }

    /// Lists one page of coupons (`GET /v1/coupons`), newest first.
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for params that break a rule
    /// Stripe would reject; otherwise any [`Error`](crate::Error) from the request.
    pub fn list(&self, params: &ListCoupons) -> PendingRequest<'c, List<Coupon>> {
        PendingRequest::new(
            &self.client.inner,
            Method::Get,
            COUPONS.to_owned(),
            params.gated_pairs(),
            Answer::model::<List<Coupon>>,
        )
    }

    fn request(
        &self,
        method: Method,
        path: String,
        params: Result<Gated>,
    ) -> PendingRequest<'c, Coupon> {
        PendingRequest::new(&self.client.inner, method, path, params, decode_coupon)
    }
}

/// The coupon decoder, instantiated once for every endpoint that answers a coupon.
fn decode_coupon(answer: Answer) -> Result<Coupon> {
    answer.model()
}
