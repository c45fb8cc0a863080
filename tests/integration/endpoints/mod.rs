//! Each endpoint family with wiremock (the exact pairs sent) and the emulator (the answers):
//! Checkout Sessions and their params, the extra-params escape hatch, coupons, promotion codes.

mod coupons;
mod create_params;
mod extra_params;
mod promotion_codes;
mod sessions;
