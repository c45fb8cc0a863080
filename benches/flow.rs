//! The `update_discounts` flow (a retrieve and an update) over loopback, against a minimal
//! in-bench HTTP/1.1 server that answers fixed bytes, in one group with the limit: the same
//! two requests sent with a bare `reqwest::Client` and parsed into `serde_json::Value`.
//! Sequential, and 32 flows at a time.
//!
//! Criterion measures each function for seconds on end, one after the other, and on a shared
//! machine the limit and the flow are then measured under different load: their ratio moved
//! from 1.02× to 1.47× between runs. So after criterion the bench measures the pair again in
//! short alternating batches ([`paired`]), which share the machine's load: the ratio of the
//! two medians is the figure compared with the budget. It also measures the same two requests
//! sent through the crate's typed API without the flow, which splits the flow's ratio into the
//! client's own and the flow's.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group};
use futures_util::FutureExt;
use futures_util::future::join_all;
use serde_json::{Value, json};
use stripe_checkout_client::checkout::{SessionStatus, UpdateSession};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{CouponData, Discount, DiscountRequest, update_discounts};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::{ApiVersion, Client};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const SESSION: &str = "cs_test_bench";
const KEY: &str = "sk_test_bench_0000000000000000";

fn answer(body: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(body).unwrap();
    let mut out = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nrequest-id: req_bench\r\n\
         content-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
}

/// The session as retrieved (open, no discount yet) and as answered by the update.
fn answers() -> (Vec<u8>, Vec<u8>) {
    let mut session: Value =
        serde_json::from_str(include_str!("../tests/fixtures/checkout_session.json")).unwrap();
    session["id"] = json!(SESSION);
    session["status"] = json!("open");
    session["currency"] = json!("usd");
    session["amount_subtotal"] = json!(12_000);
    session["amount_total"] = json!(12_000);
    session["permissions"] = json!({"update_discounts": "server_only"});
    session["discounts"] = json!([]);
    let retrieved = answer(&session);
    session["amount_total"] = json!(10_800);
    session["discounts"] = json!([{
        "coupon": {"id": "Bench1", "object": "coupon", "amount_off": 1_200, "currency": "usd",
                   "duration": "once", "name": "Cart discount", "valid": true},
        "promotion_code": null,
    }]);
    (retrieved, answer(&session))
}

/// What the server saw first of each method, so the bare client sends the same requests.
#[derive(Default)]
struct Seen {
    query: Option<String>,
    body: Option<Vec<u8>>,
}

/// Keep-alive HTTP/1.1 that reads a request (headers, then `content-length` bytes) and writes
/// the fixed answer for its method: just enough to be a server, cheap enough to measure the
/// clients.
async fn serve_connection(
    mut stream: TcpStream,
    answers: Arc<(Vec<u8>, Vec<u8>)>,
    seen: Arc<Mutex<Seen>>,
) {
    let mut buf = Vec::with_capacity(8 * 1024);
    let mut chunk = [0u8; 8 * 1024];
    loop {
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let is_post = head.starts_with("post ");
        {
            let mut seen = seen.lock().unwrap();
            if is_post && seen.body.is_none() {
                seen.body = Some(buf[head_end..head_end + length].to_vec());
            }
            if !is_post && seen.query.is_none() {
                let target = head.split_whitespace().nth(1).unwrap_or_default();
                let original = String::from_utf8_lossy(&buf[..head_end]);
                let start = original.find(' ').map_or(0, |i| i + 1);
                let original_target = &original[start..start + target.len()];
                seen.query = original_target.split_once('?').map(|(_, q)| q.to_owned());
            }
        }
        let reply = if is_post { &answers.1 } else { &answers.0 };
        if stream.write_all(reply).await.is_err() {
            return;
        }
        buf.drain(..head_end + length);
    }
}

async fn start_server() -> (SocketAddr, Arc<Mutex<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let answers = Arc::new(answers());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let seen_by_server = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            tokio::spawn(serve_connection(
                stream,
                Arc::clone(&answers),
                Arc::clone(&seen_by_server),
            ));
        }
    });
    (addr, seen)
}

async fn crate_flow(client: &Client, id: &CheckoutSessionId, policy: &CartThreshold) {
    let outcome = update_discounts(client, DiscountRequest::new(id.clone()), policy)
        .await
        .unwrap();
    assert!(outcome.changed);
}

/// The flow's two requests through the crate's typed API, without the flow: the retrieve with
/// the flow's expansions and the update it sends.
async fn plain_requests(client: &Client, id: &CheckoutSessionId) {
    let sessions = client.checkout_sessions();
    let retrieved = sessions
        .retrieve(id)
        .expand(["discounts.coupon", "discounts.promotion_code"])
        .await
        .unwrap();
    assert_eq!(retrieved.status, Some(SessionStatus::Open));
    let update = UpdateSession::new()
        .discounts([Discount::CouponData(
            CouponData::amount_off(1_200, "usd").name("Cart discount"),
        )])
        .expand(["discounts"]);
    let updated = sessions.update(id, &update).await.unwrap();
    assert_eq!(updated.amount_total, Some(10_800));
}

/// The same two requests with a bare reqwest client: the floor for any Stripe client.
struct Bare {
    http: reqwest::Client,
    get_url: String,
    post_url: String,
    body: Vec<u8>,
    version: String,
}

impl Bare {
    async fn flow(&self) {
        let retrieved: Value = serde_json::from_slice(
            &self
                .http
                .get(&self.get_url)
                .bearer_auth(KEY)
                .header("stripe-version", &self.version)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(retrieved["status"], "open");
        let updated: Value = serde_json::from_slice(
            &self
                .http
                .post(&self.post_url)
                .bearer_auth(KEY)
                .header("stripe-version", &self.version)
                .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                .header("content-type", "application/x-www-form-urlencoded")
                .body(self.body.clone())
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(updated["amount_total"], 10_800);
    }
}

/// The runtime, the emulated server, the crate's client and the bare client, all pointed at the
/// same server.
struct Setup {
    rt: tokio::runtime::Runtime,
    client: Client,
    id: CheckoutSessionId,
    policy: CartThreshold,
    bare: Bare,
}

fn setup() -> Setup {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (addr, seen) = rt.block_on(start_server());
    let base = format!("http://{addr}");
    let client = Client::builder(KEY)
        .api_base(base.as_str())
        .build()
        .unwrap();
    let id = CheckoutSessionId::new(SESSION).unwrap();
    let policy = CartThreshold::guide().name("Cart discount");

    // One flow first, so the server has seen the exact requests the bare client repeats.
    rt.block_on(crate_flow(&client, &id, &policy));
    let (query, body) = {
        let seen = seen.lock().unwrap();
        (seen.query.clone().unwrap(), seen.body.clone().unwrap())
    };
    let bare = Bare {
        http: reqwest::Client::new(),
        get_url: format!("{base}/v1/checkout/sessions/{SESSION}?{query}"),
        post_url: format!("{base}/v1/checkout/sessions/{SESSION}"),
        body,
        version: ApiVersion::server_update_beta().to_string(),
    };
    Setup {
        rt,
        client,
        id,
        policy,
        bare,
    }
}

fn flow(c: &mut Criterion) {
    let Setup {
        rt,
        client,
        id,
        policy,
        bare,
    } = setup();
    let mut group = c.benchmark_group("update_discounts flow");
    group.throughput(Throughput::Elements(1));
    group.bench_function("limit: bare reqwest + Value, sequential", |b| {
        b.to_async(&rt).iter(|| bare.flow())
    });
    group.bench_function("update_discounts, sequential", |b| {
        b.to_async(&rt).iter(|| crate_flow(&client, &id, &policy))
    });
    group.throughput(Throughput::Elements(32));
    group.bench_function("limit: bare reqwest + Value, 32 concurrent", |b| {
        b.to_async(&rt)
            .iter(|| join_all((0..32).map(|_| bare.flow())))
    });
    group.bench_function("update_discounts, 32 concurrent", |b| {
        b.to_async(&rt)
            .iter(|| join_all((0..32).map(|_| crate_flow(&client, &id, &policy))))
    });
    group.finish();
}

criterion_group!(benches, flow);

mod support;

/// Times `batch` runs of `run` (awaited one after another) on `rt`.
fn time_batch<F: Future<Output = ()>>(
    rt: &tokio::runtime::Runtime,
    batch: usize,
    run: &impl Fn() -> F,
) -> Duration {
    rt.block_on(async {
        let start = Instant::now();
        for _ in 0..batch {
            run().await;
        }
        start.elapsed()
    })
}

/// The median time of a batch of `item` over the median of a batch of `limit`, with the
/// quartiles of the per-round ratios: `rounds` rounds each time a batch of each, the limit
/// first in even rounds and last in odd ones. Batches are short, so that the two alternate
/// often enough to share the machine's load.
fn paired<A, B>(
    rt: &tokio::runtime::Runtime,
    rounds: usize,
    batch: usize,
    item: impl Fn() -> A,
    limit: impl Fn() -> B,
) -> Paired
where
    A: Future<Output = ()>,
    B: Future<Output = ()>,
{
    let mut items = Vec::with_capacity(rounds);
    let mut limits = Vec::with_capacity(rounds);
    for round in 0..rounds {
        if round % 2 == 0 {
            limits.push(time_batch(rt, batch, &limit).as_secs_f64());
            items.push(time_batch(rt, batch, &item).as_secs_f64());
        } else {
            items.push(time_batch(rt, batch, &item).as_secs_f64());
            limits.push(time_batch(rt, batch, &limit).as_secs_f64());
        }
    }
    let mut ratios: Vec<f64> = items.iter().zip(&limits).map(|(i, l)| i / l).collect();
    ratios.sort_by(f64::total_cmp);
    let quartile = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
    Paired {
        ratio: median(items) / median(limits),
        quartiles: (quartile(0.25), quartile(0.75)),
        rounds,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// What [`paired`] measured.
struct Paired {
    ratio: f64,
    quartiles: (f64, f64),
    rounds: usize,
}

fn print_paired(name: &str, paired: &Paired) {
    println!(
        "paired ratio update_discounts flow: {name} = {:.2}x (rounds' ratios: quartiles {:.2}x to {:.2}x, {} rounds)",
        paired.ratio, paired.quartiles.0, paired.quartiles.1, paired.rounds
    );
}

/// The pair measured in alternating rounds (module docs): under `cargo bench` (not `cargo
/// test`, which runs each bench once) and unless a filter names something else.
fn paired_rounds() {
    // Criterion's options that take a value: the value is not a filter.
    const VALUED: [&str; 14] = [
        "--save-baseline",
        "--baseline",
        "--baseline-lenient",
        "--load-baseline",
        "--measurement-time",
        "--warm-up-time",
        "--sample-size",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--nresamples",
        "--output-format",
        "--color",
        "--profile-time",
    ];
    let args: Vec<String> = std::env::args().skip(1).collect();
    let benching = args.iter().any(|a| a == "--bench");
    // A filter runs what contains it, as criterion's do: "paired" or a part of it.
    let filtered_out = args.iter().enumerate().any(|(i, a)| {
        let value_of_option = i > 0 && VALUED.contains(&args[i - 1].as_str());
        !a.starts_with('-') && !value_of_option && !"paired".contains(a.as_str())
    });
    if !benching || filtered_out {
        return;
    }
    let Setup {
        rt,
        client,
        id,
        policy,
        bare,
    } = setup();
    let (client, id, policy, bare) = (&client, &id, &policy, &bare);
    let sequential = paired(
        &rt,
        801,
        10,
        || crate_flow(client, id, policy),
        || bare.flow(),
    );
    print_paired(
        "update_discounts, sequential / limit, sequential",
        &sequential,
    );
    // The same two requests through the crate's typed API without the flow: how much of the
    // flow's ratio is the client's own, and how much the flow's steps.
    let requests = paired(&rt, 801, 10, || plain_requests(client, id), || bare.flow());
    print_paired(
        "retrieve + update, sequential / limit, sequential",
        &requests,
    );
    let concurrent = paired(
        &rt,
        201,
        4,
        || join_all((0..32).map(|_| crate_flow(client, id, policy))).map(drop),
        || join_all((0..32).map(|_| bare.flow())).map(drop),
    );
    print_paired(
        "update_discounts, 32 concurrent / limit, 32 concurrent",
        &concurrent,
    );
}

fn main() {
    support::main(
        benches,
        "update_discounts flow",
        &[
            (
                "update_discounts, sequential",
                "limit: bare reqwest + Value, sequential",
            ),
            (
                "update_discounts, 32 concurrent",
                "limit: bare reqwest + Value, 32 concurrent",
            ),
        ],
    );
    paired_rounds();
}
