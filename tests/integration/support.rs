//! Shared helpers: a client pointed at a mock server, a form-pairs matcher, a catch-all mock
//! that fails loudly, a raw TCP server for faults wiremock cannot produce, and a tracing
//! capture.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use stripe_checkout_client::Client;
use wiremock::matchers::any;
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

/// A test key long enough that redaction would show its last four characters.
pub const KEY: &str = "sk_test_51SecretKeyMaterial0123456789abcdefghijklmnopqrstuvwxyzQWER";

/// A client for `server` with tiny backoff so retry tests run fast.
pub fn mock_client(server: &MockServer) -> Client {
    client_for(&server.uri())
}

/// A client for any loopback base URL with tiny backoff.
pub fn client_for(uri: &str) -> Client {
    Client::builder(KEY)
        .api_base(uri)
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .expect("test client builds")
}

/// Answers every request nothing else matched with a 599, so a missing mock cannot pass
/// silently (mounted last, lowest priority).
pub async fn mount_catch_all(server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(599).set_body_string("no mock matched"))
        .with_priority(u8::MAX)
        .mount(server)
        .await;
}

/// Owned pairs from literals, to compare with what was encoded or sent.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Decodes a percent-escaped form string into ordered pairs.
pub fn decode_pairs(s: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(s).expect("valid form encoding")
}

/// The pairs a request carried: the query for GET/DELETE, the body for POST.
pub fn request_pairs(req: &Request) -> Vec<(String, String)> {
    if req.method.as_str() == "POST" {
        decode_pairs(std::str::from_utf8(&req.body).expect("utf-8 body"))
    } else {
        decode_pairs(req.url.query().unwrap_or(""))
    }
}

/// Matches a request whose decoded form pairs (body or query) are exactly these, in order.
pub struct FormPairs(pub Vec<(String, String)>);

impl Match for FormPairs {
    fn matches(&self, request: &Request) -> bool {
        request_pairs(request) == self.0
    }
}

/// A header value of a received request.
pub fn header<'r>(req: &'r Request, name: &str) -> Option<&'r str> {
    req.headers.get(name).and_then(|v| v.to_str().ok())
}

/// A loopback HTTP/1.1 server scripted per connection: each entry of `script` handles one
/// accepted connection, in order; the last entry repeats. Returns the base URL and a counter
/// of accepted connections.
pub async fn scripted_server(script: Vec<Scripted>) -> (String, Arc<Mutex<u32>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let count = Arc::new(Mutex::new(0u32));
    let seen = count.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let n = {
                let mut c = seen.lock().unwrap();
                *c += 1;
                *c as usize
            };
            let step = script[(n - 1).min(script.len() - 1)].clone();
            tokio::spawn(async move {
                // Read the request head (and a small body) before acting.
                let mut buf = vec![0u8; 64 * 1024];
                let _ = sock.read(&mut buf).await;
                match step {
                    Scripted::Drop => {}
                    Scripted::Respond(status, body) => {
                        let resp = format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nrequest-id: req_scripted_{n}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                            body.len()
                        );
                        let _ = sock.write_all(resp.as_bytes()).await;
                    }
                    Scripted::Unsized(body) => {
                        let resp = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{body}"
                        );
                        let _ = sock.write_all(resp.as_bytes()).await;
                    }
                    Scripted::Truncated(body) => {
                        let resp = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{}",
                            body.len() + 100,
                            body
                        );
                        let _ = sock.write_all(resp.as_bytes()).await;
                    }
                }
                let _ = sock.shutdown().await;
            });
        }
    });
    (format!("http://{addr}"), count)
}

/// What the scripted server does with one connection.
#[derive(Clone)]
pub enum Scripted {
    /// Close the connection without answering.
    Drop,
    /// Answer with this status and JSON body.
    Respond(u16, String),
    /// Answer 200 with no `content-length`: the body runs until the connection closes.
    Unsized(String),
    /// Promise more body than is sent, then close.
    Truncated(String),
}

/// Collects everything `tracing` prints at every level while `f` runs.
///
/// A thread-local subscriber misses events when other tests, running in parallel without one,
/// have cached a callsite as uninteresting; so one global subscriber is installed for the whole
/// binary and the text written while `f` runs is returned (it may include other tests' events,
/// which only makes "the key never appears" checks stricter).
pub async fn capture_tracing<F: std::future::Future>(f: F) -> (F::Output, String) {
    use std::sync::OnceLock;

    #[derive(Clone)]
    struct Buf(&'static Mutex<Vec<u8>>);
    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    static LOG: OnceLock<&'static Mutex<Vec<u8>>> = OnceLock::new();
    let log = *LOG.get_or_init(|| {
        let log: &'static Mutex<Vec<u8>> = Box::leak(Box::default());
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || Buf(log))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("no other global subscriber");
        log
    });
    let start = log.lock().unwrap().len();
    let out = f.await;
    let text = String::from_utf8_lossy(&log.lock().unwrap()[start..]).into_owned();
    (out, text)
}
