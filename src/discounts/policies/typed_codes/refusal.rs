//! [`CodeRefusal`](super::CodeRefusal): why a typed promotion code is not applied, with the sentence the shopper
//! reads and the reason for your logs.

use std::fmt;

use crate::discounts::Rejection;

/// Why a typed promotion code is not applied. The [`Rejection`] from [`TypedCodes`](super::TypedCodes) carries
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
    /// The code is for first orders, and no [`PurchaseHistory`](super::PurchaseHistory) was given to tell.
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

    /// The refusal a [`Rejection`] from [`TypedCodes`](super::TypedCodes) carries, if it is one.
    pub fn of(rejection: &Rejection) -> Option<&CodeRefusal> {
        std::error::Error::source(rejection).and_then(|cause| cause.downcast_ref())
    }
}

/// `amount` minor units of `currency` as the shopper reads it: `50.00 USD`, `5000 JPY`.
pub(super) fn format_amount(amount: i64, currency: &str) -> String {
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
