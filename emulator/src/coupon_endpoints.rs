//! The emulator's coupon and promotion code endpoints (`/v1/coupons`, `/v1/promotion_codes`)
//! and what a test adds to that catalog directly; the objects and their JSON are `catalog`'s,
//! and the rules for redeeming them on a session are `redemption`'s.

use serde_json::{Value, json};

use crate::catalog::{
    CodeExpansion, CouponIncludes, StoredCoupon, StoredPromotionCode, metadata_pairs,
};
use crate::error_answer::ErrorAnswer;
use crate::id_gen::new_id;
use crate::input::{
    self, CouponTerms, CreatePromotionCode, Expand, ListCoupons, ListPromotionCodes, UpdateCoupon,
    UpdatePromotionCode,
};
use crate::session_state::CatalogView;
use crate::store::{Store, apply_metadata, paginate};

impl Store {
    /// Adds a coupon of checked `terms` under `id`, replacing one of that id.
    pub(crate) fn add_coupon(&mut self, id: &str, terms: &CouponTerms) {
        let coupon = StoredCoupon::from_terms(id.to_owned(), terms, self.now());
        self.insert_coupon(coupon);
    }

    pub(crate) fn add_promotion_code(&mut self, code: &str, coupon_id: &str) -> String {
        let id = new_id("promo_", 24);
        let stored = StoredPromotionCode::new(id.clone(), code, coupon_id, self.now());
        self.promotion_codes.push(stored);
        id
    }

    /// `POST /v1/promotion_codes`, from basil's `coupon` or clover's `promotion[coupon]`,
    /// whichever the request's version has (the facts refuse the other).
    pub(crate) fn create_promotion_code(&mut self, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: CreatePromotionCode = input::read(params)?;
        let param = self.shape.promotion_coupon_param();
        let coupon_id = p
            .coupon_id()
            .ok_or_else(|| ErrorAnswer::missing(param))?
            .to_owned();
        if !self.coupons.contains_key(&coupon_id) {
            return Err(ErrorAnswer::no_such_in_params("coupon", &coupon_id, param));
        }
        let customer = p.customer.clone();
        if let Some(customer) = &customer {
            if !self.customers.contains_key(customer) {
                return Err(ErrorAnswer::no_such_in_params(
                    "customer", customer, "customer",
                ));
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
                .filter_map(|(currency, option)| {
                    Some((currency.to_ascii_lowercase(), option.minimum_amount?))
                })
                .collect(),
            ..StoredPromotionCode::new(id, &code, &coupon_id, self.now())
        };
        let expand = code_expansion(&p.expand, "")?;
        let answer = self.render_code(&stored, expand);
        self.promotion_codes.push(stored);
        Ok(answer)
    }

    pub(crate) fn insert_coupon(&mut self, coupon: StoredCoupon) {
        if self
            .coupons
            .insert(coupon.id.clone(), coupon.clone())
            .is_none()
        {
            self.coupon_order.push(coupon.id);
        }
    }

    /// `POST /v1/coupons`.
    pub(crate) fn create_coupon(&mut self, params: &Value) -> Result<Value, ErrorAnswer> {
        // The terms (one of the amounts, the currency, the duration) are the rules'.
        let p: CouponTerms = input::read(params)?;
        let expand: Expand = input::read(params)?;
        if p.percent_off.is_some() && !p.currency_options.is_empty() {
            return Err(ErrorAnswer::invalid(
                "currency_options",
                "`currency_options` is only supported with `amount_off`.",
            ));
        }
        let id = p.id.clone().unwrap_or_else(|| new_id("", 8));
        if self.coupons.contains_key(&id) {
            return Err(ErrorAnswer {
                code: Some("resource_already_exists"),
                ..ErrorAnswer::invalid("id", "Coupon already exists.")
            });
        }
        let coupon = StoredCoupon::from_terms(id, &p, self.now());
        let answer = coupon.to_json_including(coupon_includes(&expand.expand, "")?, self.now());
        self.insert_coupon(coupon);
        Ok(answer)
    }

    /// `POST /v1/coupons/{id}`: the name, the metadata and the other currencies' amounts.
    pub(crate) fn update_coupon(&mut self, id: &str, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: UpdateCoupon = input::read(params)?;
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
            let Some(amount_off) = option.amount_off else {
                continue;
            };
            let currency = currency.to_ascii_lowercase();
            match coupon
                .currency_options
                .iter_mut()
                .find(|(c, _)| *c == currency)
            {
                Some(entry) => entry.1 = amount_off,
                None => coupon.currency_options.push((currency, amount_off)),
            }
        }
        Ok(coupon.to_json_including(includes, now))
    }

    /// `DELETE /v1/coupons/{id}`: gone for the API and new discounts; the sessions that carry
    /// it keep their discount.
    pub(crate) fn delete_coupon(&mut self, id: &str) -> Result<Value, ErrorAnswer> {
        let Some(coupon) = self.coupons.remove(id) else {
            return Err(ErrorAnswer::no_such("coupon", id, "id"));
        };
        self.coupon_order.retain(|c| c != id);
        let carried = self
            .sessions
            .iter()
            .any(|s| s.discount.as_ref().is_some_and(|d| d.coupon_id == id));
        if carried {
            self.deleted_coupons.insert(id.to_owned(), coupon);
        }
        Ok(json!({"id": id, "object": "coupon", "deleted": true}))
    }

    /// `GET /v1/coupons`: newest first.
    pub(crate) fn list_coupons(&self, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: ListCoupons = input::read(params)?;
        let includes = coupon_includes(&p.page.expand, "data.")?;
        let newest_first: Vec<&str> = self
            .coupon_order
            .iter()
            .rev()
            .filter(|id| {
                p.created
                    .as_ref()
                    .is_none_or(|f| self.coupons.get(*id).is_some_and(|c| f.matches(c.created)))
            })
            .map(String::as_str)
            .collect();
        let page = paginate(&newest_first, |id| id, &p.page, "coupon")?;
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

    pub(crate) fn retrieve_coupon(&self, id: &str, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: Expand = input::read(params)?;
        let includes = coupon_includes(&p.expand, "")?;
        self.coupons
            .get(id)
            .map(|coupon| coupon.to_json_including(includes, self.now()))
            .ok_or_else(|| ErrorAnswer::no_such("coupon", id, "id"))
    }

    pub(crate) fn retrieve_promotion_code(
        &self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: Expand = input::read(params)?;
        let coupon = code_expansion(&p.expand, "")?;
        self.promotion_code(id)
            .map(|p| self.render_code(p, coupon))
            .ok_or_else(|| ErrorAnswer::no_such("promotion_code", id, "id"))
    }

    /// `POST /v1/promotion_codes/{id}`: switches a code on or off, changes its metadata.
    pub(crate) fn update_promotion_code(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: UpdatePromotionCode = input::read(params)?;
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
    pub(crate) fn list_promotion_codes(&self, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: ListPromotionCodes = input::read(params)?;
        let coupon = code_expansion(&p.page.expand, "data.")?;
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
            .filter(|c| p.coupon.as_ref().is_none_or(|id| c.coupon_id == *id))
            .filter(|c| p.customer.is_none() || c.customer == p.customer)
            .filter(|c| p.created.as_ref().is_none_or(|f| f.matches(c.created)))
            .filter(|_| p.customer_account.is_none())
            .collect();
        let page = paginate(&matching, |c| c.id.as_str(), &p.page, "promotion_code")?;
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
