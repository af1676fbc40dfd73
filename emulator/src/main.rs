//! `mfa-emulator`: a local Auth0 tenant for development and tests.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use mfa_emulator::model::seed::TenantSeed;
use mfa_emulator::server::{serve_state, AppState, Options};

/// A faithful local Auth0 tenant: /authorize, /oauth/token and the MFA API.
///
/// Logs one line per request (method, path, status, milliseconds) to stderr.
#[derive(Debug, Parser)]
#[command(name = "mfa-emulator", version)]
struct Cli {
    /// Address to listen on. It is the canonical tenant domain; localhost:PORT is the custom
    /// domain.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:4000")]
    listen: SocketAddr,
    /// An Allowed Web Origin of the seeded application (repeatable), e.g. http://127.0.0.1:8080.
    /// Callback URLs on these origins are accepted.
    #[arg(long = "allowed-origin", value_name = "ORIGIN")]
    allowed_origins: Vec<String>,
    /// Mount the test-control endpoints under /__emulator/ (outbox, push answers, clock,
    /// faults, sessions, request log, reset).
    #[arg(long)]
    test_control: bool,
    /// A JSON tenant description replacing the built-in development tenant.
    #[arg(long, value_name = "FILE")]
    seed: Option<PathBuf>,
}

fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::AddrInUse => "address already in use".to_owned(),
        std::io::ErrorKind::AddrNotAvailable => "address not available".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let seed = match &cli.seed {
        None => None,
        Some(path) => {
            let parsed = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|json| TenantSeed::from_json(&json).map_err(|e| e.to_string()));
            match parsed {
                Ok(seed) => Some(seed),
                Err(error) => {
                    eprintln!("mfa-emulator: cannot use seed {}: {error}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    let bound = match tokio::net::TcpListener::bind(cli.listen).await {
        Ok(listener) => listener.local_addr().map(|address| (listener, address)),
        Err(error) => Err(error),
    };
    let (listener, address) = match bound {
        Ok(bound) => bound,
        Err(error) => {
            eprintln!(
                "mfa-emulator: cannot listen on {}: {}",
                cli.listen,
                reason(&error)
            );
            return ExitCode::FAILURE;
        }
    };
    let options = Options {
        allowed_origins: cli.allowed_origins,
        test_control: cli.test_control,
        seed,
    };
    let state = match AppState::new(options, address) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("mfa-emulator: {error}");
            return ExitCode::FAILURE;
        }
    };
    let server = serve_state(listener, state, shutdown_signal());
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "mfa-emulator listening on http://{address}");
    let _ = stdout.flush();
    match server.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mfa-emulator: {error}");
            ExitCode::FAILURE
        }
    }
}
