//! `stripe-checkout-emulator`: the emulator as a server any language's Stripe SDK can talk to.
//!
//! ```text
//! stripe-checkout-emulator [--port N] [--seed FILE] [--max-journal N] [--max-sessions N]
//!                          [--max-idempotency-keys N]
//! {"base_url":"http://127.0.0.1:12111","secret_key":"sk_test_…","controls":"http://127.0.0.1:12111/_fake/"}
//! ```
//!
//! It listens on loopback (`--port`, or `PORT`; default 12111; 0 picks a free port), loads a
//! seed (`--seed`, or `SEED`: a file holding a seed document; without one, the built-in demo
//! catalog), turns on the test controls under `/_fake/`, prints its base URL, a key and the
//! controls' URL as one JSON line, and serves until it is stopped.

use std::net::SocketAddr;
use std::process::ExitCode;

use stripe_checkout_emulator::{FakeStripe, Limits, Seed, TEST_SECRET_KEY};

/// Prices `price_demo_jacket` (80.00 USD), `price_demo_cap` (40.00 USD) and `price_demo_club`
/// (9.00 USD a month, for `subscription` sessions), coupons `TENOFF`,
/// `QUARTER` and `CAPS`, promotion codes `SUMMER25`, `BIGCART` (from 150.00), `SPRING`
/// (expired) and `CAPS50` (caps only), customer `cus_demo_ada`.
const DEMO_SEED: &str = include_str!("demo_seed.json");

const DEFAULT_PORT: u16 = 12111;

const USAGE: &str = "\
usage: stripe-checkout-emulator [--port N] [--seed FILE] [--max-journal N]
                                [--max-sessions N] [--max-idempotency-keys N]

  --port N     loopback port to listen on (env PORT; default 12111; 0 = a free port)
  --seed FILE  seed document: prices, coupons, promotion codes, shipping rates, customers, clock
               (env SEED; default: the built-in demo catalog)
  --max-journal N, --max-sessions N, --max-idempotency-keys N
               how much to keep, oldest dropped first (default 10000 each)

Prints {\"base_url\", \"secret_key\", \"controls\"} as its first line, then serves until stopped.";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Serve(Options),
    Help,
}

#[derive(Debug, PartialEq)]
struct Options {
    port: u16,
    seed: Option<String>,
    limits: Limits,
}

/// Flags win over the environment; `--flag value` and `--flag=value` are both taken.
fn command(args: &[String], env: impl Fn(&str) -> Option<String>) -> Result<Command, String> {
    let mut port = env("PORT");
    let mut seed = env("SEED");
    let mut limits = Limits::default();
    let count = |flag: &str, text: String| {
        text.parse::<usize>()
            .map_err(|_| format!("{flag} must be a whole number, got {text:?}"))
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag {
            "--port" => port = Some(value()?),
            "--seed" => seed = Some(value()?),
            "--max-journal" => limits = limits.journal(count(flag, value()?)?),
            "--max-sessions" => limits = limits.sessions(count(flag, value()?)?),
            "--max-idempotency-keys" => {
                limits = limits.idempotency_keys(count(flag, value()?)?);
            }
            "-h" | "--help" => return Ok(Command::Help),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let port = match port {
        Some(text) => text
            .parse()
            .map_err(|_| format!("the port must be a number from 0 to 65535, got {text:?}"))?,
        None => DEFAULT_PORT,
    };
    Ok(Command::Serve(Options { port, seed, limits }))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match command(&args, |name| std::env::var(name).ok()) {
        Ok(Command::Serve(options)) => options,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("stripe-checkout-emulator: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    match runtime.block_on(serve(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stripe-checkout-emulator: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(options: Options) -> Result<(), String> {
    let seed = match &options.seed {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the seed file {path}: {e}"))?,
        None => DEMO_SEED.to_owned(),
    };
    let seed = Seed::from_json(&seed).map_err(|e| e.to_string())?;
    let fake = FakeStripe::bind(SocketAddr::from(([127, 0, 0, 1], options.port)))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", options.port))?;
    fake.seed(&seed).map_err(|e| e.to_string())?;
    fake.set_limits(options.limits);
    fake.enable_controls();
    println!(
        "{}",
        serde_json::json!({
            "base_url": fake.uri(),
            "secret_key": TEST_SECRET_KEY,
            "controls": format!("{}/_fake/", fake.uri()),
        })
    );
    std::future::pending::<()>().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(args: &[String], env: impl Fn(&str) -> Option<String>) -> Result<Options, String> {
        match command(args, env)? {
            Command::Serve(options) => Ok(options),
            Command::Help => Err("help".into()),
        }
    }

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<(u16, Option<String>), String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let env = |name: &str| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        options(&args, env).map(|o| (o.port, o.seed))
    }

    #[test]
    fn limits_are_read_from_their_flags() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let read = options(
            &args(&[
                "--max-journal",
                "5",
                "--max-sessions=6",
                "--max-idempotency-keys",
                "7",
            ]),
            |_| None,
        )
        .map(|o| o.limits);
        assert_eq!(
            read,
            Ok(Limits::default().journal(5).sessions(6).idempotency_keys(7))
        );
        let bad = options(&args(&["--max-journal", "-1"]), |_| None).map(|o| o.limits);
        assert!(bad.unwrap_err().contains("--max-journal"));
    }

    #[test]
    fn flags_win_over_the_environment_which_wins_over_the_default() {
        assert_eq!(parse(&[], &[]), Ok((12111, None)));
        assert_eq!(
            parse(&[], &[("PORT", "0"), ("SEED", "s.json")]),
            Ok((0, Some("s.json".into())))
        );
        assert_eq!(
            parse(&["--port", "8080"], &[("PORT", "0")]),
            Ok((8080, None))
        );
        assert_eq!(
            parse(&["--port=9", "--seed=a.json"], &[]),
            Ok((9, Some("a.json".into())))
        );
        assert!(parse(&["--port", "x"], &[]).unwrap_err().contains("\"x\""));
        assert!(parse(&["--port", "70000"], &[]).is_err());
        assert!(
            parse(&["--port"], &[])
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(parse(&["--colour"], &[]).unwrap_err().contains("--colour"));
        let help = command(&["--help".to_owned()], |_| None);
        assert_eq!(help, Ok(Command::Help));
    }

    #[test]
    fn the_demo_seed_is_a_seed() {
        let seed = Seed::from_json(DEMO_SEED).unwrap();
        assert_eq!(seed.prices.len(), 3);
        assert_eq!(seed.prices[2].interval.as_deref(), Some("month"));
        assert_eq!(seed.promotion_codes.len(), 4);
    }
}
