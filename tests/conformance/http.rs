//! A loopback HTTP/1.0 file server for `ADD <url>` cases. BuildKit fetches
//! URLs from the engine's own network namespace, which is the host's here,
//! so `127.0.0.1` reaches it. Responses carry no Last-Modified and a fixed
//! ETag, so both builds see identical sources.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;

pub struct Server {
    pub base: String,
}

impl Server {
    pub fn start(root: &Path) -> io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let base = format!("http://{}", listener.local_addr()?);
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &root);
                });
            }
        });
        Ok(Server { base })
    }
}

fn serve(stream: TcpStream, root: &Path) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let path = parts.next().unwrap_or("/");
    let rel = path.trim_start_matches('/');
    let mut out = stream;
    let body = if rel.split('/').any(|p| p == "..") {
        None
    } else {
        std::fs::read(root.join(rel)).ok()
    };
    match body {
        Some(body) => {
            let digest = {
                use sha2::Digest;
                hex::encode(sha2::Sha256::digest(&body))
            };
            write!(
                out,
                "HTTP/1.0 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nETag: \"{}\"\r\nConnection: close\r\n\r\n",
                body.len(),
                &digest[..16]
            )?;
            if method != "HEAD" {
                out.write_all(&body)?;
            }
        }
        None => write!(
            out,
            "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )?,
    }
    out.flush()
}
