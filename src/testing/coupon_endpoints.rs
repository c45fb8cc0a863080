//! The emulator's coupon and promotion code endpoints (`/v1/coupons`, `/v1/promotion_codes`)
//! and what a test adds to that catalog directly; the objects and their JSON are `catalog`'s,
//! and the rules for redeeming them on a session are `redemption`'s.

use serde_json::{Value, json};

use super::catalog::{
    CodeExpansion, CouponIncludes, StoredCoupon, StoredPromotionCode, metadata_pairs,
};
use super::error_answer::ErrorAnswer;
use super::id_gen::new_id;
use super::session_state::CatalogView;
use super::store::{Store, apply_metadata, check_limit, paginate};
use crate::discounts::{
    CouponData, CreateCoupon, CreatePromotionCode, ListCoupons, ListPromotionCodes, UpdateCoupon,
    UpdatePromotionCode,
};

impl Store {
    pub(crate) fn add_coupon(&mut self, id: &str, data: &CouponData) {
        let coupon = StoredCoupon::from_data(id.to_owned(), data, self.now());
        self.insert_coupon(coupon);
    }

    pub(crate) fn add_promotion_code(&mut self, code: &str, coupon_id: &str) -> String {
        let id = new_id("promo_", 24);
        let stored = StoredPromotionCode::new(id.clone(), code, coupon_id, self.now());
        self.promotion_codes.push(stored);
        id
    }

    /// `POST /v1/promotion_codes`, from the params in clover's shape (the server moves
    /// basil's `coupon` there first).
    pub(crate) fn create_promotion_code(
        &mut self,
        p: CreatePromotionCode,
    ) -> Result<Value, ErrorAnswer> {
        let param = self.shape.promotion_coupon_param();
        let coupon_id = p
            .promotion
            .coupon
            .as_ref()
            .ok_or_else(|| ErrorAnswer::missing(param))?
            .to_string();
        if !self.coupons.contains_key(&coupon_id) {
            return Err(ErrorAnswer::no_such("coupon", &coupon_id, param));
        }
        let customer = p.customer.as_ref().map(ToString::to_string);
        if let Some(customer) = &customer {
            if !self.customers.contains_key(customer) {
                return Err(ErrorAnswer::no_such("customer", customer, "customer"));
            }
        }
        let code = p
            .code
            .clone()
            .unwrap_or_else(|| new_id("", 8).to_ascii_uppercase());
        if self.active_code_taken(&code, customer.as_ref()) {
            return Err(ErrorAnswer::invalid(
                "code",
                format!("An active promotion code with `code: {code}` already exists."),
            ));
        }
        let restrictions = p.restrictions.clone().unwrap_or_default();
        let id = new_id("promo_", 24);
        let stored = StoredPromotionCode {
            active: p.active.unwrap_or(true),
            customer,
            expires_at: p.expires_at,
            max_redemptions: p.max_redemptions,
            metadata: metadata_pairs(p.metadata.as_ref()),
            first_time_transaction: restrictions.first_time_transaction.unwrap_or(false),
            minimum_amount: restrictions.minimum_amount.zip(
                restrictions
                    .minimum_amount_currency
                    .map(|c| c.to_ascii_lowercase()),
            ),
            minimum_currency_options: restrictions
                .currency_options
                .iter()
                .map(|(currency, option)| (currency.to_ascii_lowercase(), option.minimum_amount))
                .collect(),
            ..StoredPromotionCode::new(id, &code, &coupon_id, self.now())
        };
        let expand = code_expansion(&p.expand, "")?;
        let answer = self.render_code(&stored, expand);
        self.promotion_codes.push(stored);
        Ok(answer)
    }

    pub(super) fn insert_coupon(&mut self, coupon: StoredCoupon) {
        if self
            .coupons
            .insert(coupon.id.clone(), coupon.clone())
            .is_none()
        {
            self.coupon_order.push(coupon.id);
        }
    }

    /// `POST /v1/coupons`.
    pub(crate) fn create_coupon(&mut self, p: &CreateCoupon) -> Result<Value, ErrorAnswer> {
        match (p.amount_off, p.percent_off) {
            (Some(amount), None) if amount > 0 => {
                if p.currency.is_none() {
                    return Err(ErrorAnswer::missing("currency"));
                }
            }
            (None, Some(percent)) if percent > 0.0 && percent <= 100.0 => {
                if !p.currency_options.is_empty() {
                    return Err(ErrorAnswer::invalid(
                        "currency_options",
                        "`currency_options` is only supported with `amount_off`.",
                    ));
                }
            }
            _ => {
                return Err(ErrorAnswer::invalid(
                    "amount_off",
                    "Specify exactly one of `amount_off` (greater than 0) or `percent_off` \
                     (greater than 0, at most 100).",
                ));
            }
        }
        let id =
            p.id.as_ref()
                .map_or_else(|| new_id("", 8), ToString::to_string);
        if self.coupons.contains_key(&id) {
            return Err(ErrorAnswer {
                code: Some("resource_already_exists"),
                ..ErrorAnswer::invalid("id", "Coupon already exists.")
            });
        }
        let data = CouponData {
            name: p.name.clone(),
            amount_off: p.amount_off,
            currency: p.currency.clone(),
            percent_off: p.percent_off,
            duration: p.duration.clone(),
            duration_in_months: p.duration_in_months,
            metadata: p.metadata.clone(),
        };
        let mut coupon = StoredCoupon::from_data(id.clone(), &data, self.now());
        coupon.max_redemptions = p.max_redemptions;
        coupon.redeem_by = p.redeem_by;
        coupon.products = p
            .applies_to
            .iter()
            .flat_map(|a| a.products.clone())
            .collect();
        coupon.currency_options = p
            .currency_options
            .iter()
            .map(|(currency, option)| (currency.to_ascii_lowercase(), option.amount_off))
            .collect();
        let answer = coupon.to_json_including(coupon_includes(&p.expand, "")?, self.now());
        self.insert_coupon(coupon);
        Ok(answer)
    }

    /// `POST /v1/coupons/{id}`: the name, the metadata and the other currencies' amounts.
    pub(crate) fn update_coupon(
        &mut self,
        id: &str,
        p: &UpdateCoupon,
    ) -> Result<Value, ErrorAnswer> {
        let includes = coupon_includes(&p.expand, "")?;
        let now = self.now();
        let coupon = self
            .coupons
            .get_mut(id)
            .ok_or_else(|| ErrorAnswer::no_such("coupon", id, "id"))?;
        if !p.currency_options.is_empty() && coupon.amount_off.is_none() {
            return Err(ErrorAnswer::invalid(
                "currency_options",
                "`currency_options` is only supported on coupons with `amount_off`.",
            ));
        }
        if let Some(name) = &p.name {
            coupon.name = Some(name.clone());
        }
        if let Some(metadata) = &p.metadata {
            apply_metadata(&mut coupon.metadata, metadata);
        }
        for (currency, option) in &p.currency_options {
            let currency = currency.to_ascii_lowercase();
            match coupon
                .currency_options
                .iter_mut()
                .find(|(c, _)| *c == currency)
            {
                Some(entry) => entry.1 = option.amount_off,
                None => coupon.currency_options.push((currency, option.amount_off)),
            }
        }
        Ok(coupon.to_json_including(includes, now))
    }

    /// `DELETE /v1/coupons/{id}`: gone for new discounts; what it discounts keeps its id.
    pub(crate) fn delete_coupon(&mut self, id: &str) -> Result<Value, ErrorAnswer> {
        if self.coupons.remove(id).is_none() {
            return Err(ErrorAnswer::no_such("coupon", id, "id"));
        }
        self.coupon_order.retain(|c| c != id);
        Ok(json!({"id": id, "object": "coupon", "deleted": true}))
    }

    /// `GET /v1/coupons`: newest first.
    pub(crate) fn list_coupons(&self, p: &ListCoupons) -> Result<Value, ErrorAnswer> {
        let includes = coupon_includes(&p.expand, "data.")?;
        let limit = check_limit(p.limit)?;
        let newest_first: Vec<&str> = self.coupon_order.iter().rev().map(String::as_str).collect();
        let page = paginate(
            &newest_first,
            |id| id,
            p.starting_after.as_deref(),
            p.ending_before.as_deref(),
            limit,
            "coupon",
        )?;
        let data: Vec<Value> = page
            .items
            .iter()
            .filter_map(|id| self.coupons.get(*id))
            .map(|coupon| coupon.to_json_including(includes, self.now()))
            .collect();
        Ok(json!({
            "object": "list",
            "url": "/v1/coupons",
            "has_more": page.has_more,
            "data": data,
        }))
    }

    pub(crate) fn retrieve_coupon(
        &self,
        id: &str,
        expand: &[String],
    ) -> Result<Value, ErrorAnswer> {
        let includes = coupon_includes(expand, "")?;
        self.coupons
            .get(id)
            .map(|coupon| coupon.to_json_including(includes, self.now()))
            .ok_or_else(|| ErrorAnswer::no_such("coupon", id, "coupon"))
    }

    pub(crate) fn retrieve_promotion_code(
        &self,
        id: &str,
        expand: &[String],
    ) -> Result<Value, ErrorAnswer> {
        let coupon = code_expansion(expand, "")?;
        self.promotion_code(id)
            .map(|p| self.render_code(p, coupon))
            .ok_or_else(|| ErrorAnswer::no_such("promotion_code", id, "id"))
    }

    /// `POST /v1/promotion_codes/{id}`: switches a code on or off, changes its metadata.
    pub(crate) fn update_promotion_code(
        &mut self,
        id: &str,
        p: &UpdatePromotionCode,
    ) -> Result<Value, ErrorAnswer> {
        let coupon = code_expansion(&p.expand, "")?;
        let Some(i) = self.promotion_codes.iter().position(|c| c.id == id) else {
            return Err(ErrorAnswer::no_such("promotion_code", id, "id"));
        };
        if p.active == Some(true) && !self.promotion_codes[i].active {
            // Switching a code back on makes it count against the active codes again.
            let (code, customer) = {
                let c = &self.promotion_codes[i];
                (c.code.clone(), c.customer.clone())
            };
            if self.active_code_taken(&code, customer.as_ref()) {
                return Err(ErrorAnswer::invalid(
                    "active",
                    format!("An active promotion code with `code: {code}` already exists."),
                ));
            }
        }
        let stored = &mut self.promotion_codes[i];
        if let Some(active) = p.active {
            stored.active = active;
        }
        if let Some(metadata) = &p.metadata {
            apply_metadata(&mut stored.metadata, metadata);
        }
        Ok(self.render_code(&self.promotion_codes[i], coupon))
    }

    /// `GET /v1/promotion_codes`: newest first, filtered by `active`, `code` (regardless of
    /// case), `coupon` and `customer`.
    pub(crate) fn list_promotion_codes(
        &self,
        p: &ListPromotionCodes,
    ) -> Result<Value, ErrorAnswer> {
        let coupon = code_expansion(&p.expand, "data.")?;
        let limit = check_limit(p.limit)?;
        let matching: Vec<&StoredPromotionCode> = self
            .promotion_codes
            .iter()
            .rev()
            .filter(|c| p.active.is_none_or(|active| c.active == active))
            .filter(|c| {
                p.code
                    .as_ref()
                    .is_none_or(|code| c.code.eq_ignore_ascii_case(code))
            })
            .filter(|c| {
                p.coupon
                    .as_ref()
                    .is_none_or(|id| c.coupon_id == id.as_str())
            })
            .filter(|c| {
                p.customer
                    .as_ref()
                    .is_none_or(|id| c.customer.as_deref() == Some(id.as_str()))
            })
            .collect();
        let page = paginate(
            &matching,
            |c| c.id.as_str(),
            p.starting_after.as_deref(),
            p.ending_before.as_deref(),
            limit,
            "promotion_code",
        )?;
        let data: Vec<Value> = page
            .items
            .iter()
            .map(|c| self.render_code(c, coupon))
            .collect();
        Ok(json!({
            "object": "list",
            "url": "/v1/promotion_codes",
            "has_more": page.has_more,
            "data": data,
        }))
    }

    /// Whether an active code reads `code` (regardless of case) for the same customer, or
    /// for everyone: Stripe keeps those unique.
    fn active_code_taken(&self, code: &str, customer: Option<&String>) -> bool {
        self.promotion_codes.iter().any(|other| {
            other.active
                && other.customer.as_ref() == customer
                && other.code.eq_ignore_ascii_case(code)
        })
    }

    fn render_code(&self, code: &StoredPromotionCode, expand: CodeExpansion) -> Value {
        code.to_json(
            self.coupons.get(&code.coupon_id),
            &self.shape,
            expand,
            self.now(),
        )
    }
}

/// The includable fields a coupon request expands (`applies_to`, `currency_options`, with
/// `data.` in a list); anything else cannot be expanded.
fn coupon_includes(expand: &[String], prefix: &str) -> Result<CouponIncludes, ErrorAnswer> {
    let mut includes = CouponIncludes::default();
    for (i, path) in expand.iter().enumerate() {
        if !includes.take(path, prefix) {
            return Err(not_expandable(i, path));
        }
    }
    Ok(includes)
}

/// What a promotion code request expands (with `data.` in a list): its coupon
/// (`promotion.coupon`, or basil's `coupon`, which is always whole), the coupon's includable
/// fields under either, and `restrictions.currency_options`.
fn code_expansion(expand: &[String], prefix: &str) -> Result<CodeExpansion, ErrorAnswer> {
    let mut expansion = CodeExpansion::default();
    for (i, path) in expand.iter().enumerate() {
        let Some(field) = path.strip_prefix(prefix) else {
            return Err(not_expandable(i, path));
        };
        match field {
            "promotion.coupon" | "coupon" => expansion.coupon = true,
            "restrictions.currency_options" => expansion.minimum_currency_options = true,
            _ if expansion.coupon_includes.take(field, "promotion.coupon.")
                || expansion.coupon_includes.take(field, "coupon.") =>
            {
                expansion.coupon = true;
            }
            _ => return Err(not_expandable(i, path)),
        }
    }
    Ok(expansion)
}

fn not_expandable(i: usize, path: &str) -> ErrorAnswer {
    ErrorAnswer::invalid(
        format!("expand[{i}]"),
        format!("This property cannot be expanded ({path})."),
    )
}
