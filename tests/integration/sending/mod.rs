//! Sending requests, whatever the endpoint: exact headers, per-request options, the retry
//! matrix, error mapping, faults and exactly-once under retries, redaction of the key, and one
//! table of bad inputs refused before sending.

mod bad_inputs;
mod errors;
mod headers;
mod options;
mod redaction;
mod reliability;
mod retries;
