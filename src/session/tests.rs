//! Drives every session service in-process through a real tonic client over
//! an in-memory duplex pipe.

use std::collections::HashMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use hyper_util::rt::TokioIo;
use prost::Message;
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Request, Status};

use super::filesend::{DIFF_COPY_PATH, KEY_EXPORTER_ID, RawCodec};
use super::filesync::stat::go_mode;
use super::filesync::{FilterOpts, send_dir};
use super::*;
use crate::proto::filesync::BytesMessage;
use crate::proto::filesync::file_sync_client::FileSyncClient;
use crate::proto::fsutil::{Packet, Stat, packet::PacketType};

fn info() -> SessionInfo {
    SessionInfo {
        id: "sid".into(),
        name: "ctx".into(),
        shared_key: "key".into(),
    }
}

/// Serves `services` on one end of a duplex pipe and returns a channel
/// connected to the other end.
async fn connect(services: SessionServices) -> Channel {
    let (client_io, server_io) = tokio::io::duplex(1 << 20);
    tokio::spawn(async move {
        tonic::transport::Server::builder()
            .add_routes(services.routes)
            .serve_with_incoming(tokio_stream::once(Ok::<_, std::io::Error>(server_io)))
            .await
    });
    let mut client_io = Some(client_io);
    Endpoint::try_from("http://session.invalid")
        .unwrap()
        .connect_with_connector(tower::service_fn(move |_| {
            let io = client_io.take();
            async move {
                io.map(TokioIo::new)
                    .ok_or_else(|| std::io::Error::other("already connected"))
            }
        }))
        .await
        .unwrap()
}

fn with_md<T>(msg: T, md: &[(&str, &str)]) -> Request<T> {
    let mut req = Request::new(msg);
    for (k, v) in md {
        let key = tonic::metadata::MetadataKey::from_bytes(k.as_bytes()).unwrap();
        req.metadata_mut().append(key, v.parse().unwrap());
    }
    req
}

/// What the in-test receiver saw.
#[derive(Debug, Default)]
struct Synced {
    stats: Vec<Stat>,
    data: HashMap<u32, Vec<u8>>,
    data_packets: usize,
}

impl Synced {
    fn paths(&self) -> Vec<&str> {
        self.stats.iter().map(|s| s.path.as_str()).collect()
    }
    fn stat(&self, path: &str) -> (u32, &Stat) {
        let i = self.stats.iter().position(|s| s.path == path).unwrap();
        (i as u32, &self.stats[i])
    }
}

/// A small receiver that behaves like fsutil's (receive.go): ids are stat
/// indexes, it requests the regular files `want` selects, collects DATA
/// until each requested file's empty end chunk, then sends FIN and expects
/// the sender's FIN.
async fn sync(
    channel: Channel,
    md: &[(&str, &str)],
    want: impl Fn(&Stat) -> bool,
) -> Result<Synced, Status> {
    let (tx, rx) = mpsc::channel::<Packet>(1024);
    let mut client = FileSyncClient::new(channel);
    let mut incoming = client
        .diff_copy(with_md(ReceiverStream::new(rx), md))
        .await?
        .into_inner();
    let mut out = Synced::default();
    let mut open = 0usize;
    let mut stats_done = false;
    let mut fin_sent = false;
    let req = |id| Packet {
        r#type: PacketType::PacketReq as i32,
        id,
        ..Default::default()
    };
    let fin = Packet {
        r#type: PacketType::PacketFin as i32,
        ..Default::default()
    };
    while let Some(p) = incoming.message().await? {
        match PacketType::try_from(p.r#type).unwrap() {
            PacketType::PacketStat => match p.stat {
                Some(stat) => {
                    let id = out.stats.len() as u32;
                    if stat.mode & go_mode::TYPE == 0 && stat.linkname.is_empty() && want(&stat) {
                        tx.send(req(id)).await.unwrap();
                        out.data.insert(id, Vec::new());
                        open += 1;
                    }
                    out.stats.push(stat);
                }
                None => {
                    stats_done = true;
                    if open == 0 {
                        tx.send(fin.clone()).await.unwrap();
                        fin_sent = true;
                    }
                }
            },
            PacketType::PacketData => {
                out.data_packets += 1;
                let buf = out.data.get_mut(&p.id).expect("data for a requested id");
                if p.data.is_empty() {
                    open -= 1;
                    if stats_done && open == 0 {
                        tx.send(fin.clone()).await.unwrap();
                        fin_sent = true;
                    }
                } else {
                    buf.extend_from_slice(&p.data);
                }
            }
            PacketType::PacketFin => {
                assert!(fin_sent, "sender finished first");
                return Ok(out);
            }
            PacketType::PacketErr => {
                return Err(Status::unknown(
                    String::from_utf8_lossy(&p.data).into_owned(),
                ));
            }
            PacketType::PacketReq => panic!("REQ from sender"),
        }
    }
    Err(Status::unknown("stream ended without FIN"))
}

fn write(path: &Path, data: &[u8], mode: u32) {
    std::fs::write(path, data).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn mkdir(path: &Path, mode: u32) {
    std::fs::create_dir(path).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn big_blob() -> Vec<u8> {
    (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

/// root/{a.txt, dir/{b.txt, sub/c.bin}, hard (= a.txt), link -> a.txt,
/// secret.key, out -> ../outside}; outside/secret next to root.
fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    mkdir(&root, 0o755);
    mkdir(&tmp.path().join("outside"), 0o755);
    write(&tmp.path().join("outside/secret"), b"top secret", 0o644);
    write(&root.join("a.txt"), b"hello", 0o644);
    mkdir(&root.join("dir"), 0o750);
    write(&root.join("dir/b.txt"), b"bee", 0o600);
    mkdir(&root.join("dir/sub"), 0o755);
    write(&root.join("dir/sub/c.bin"), &big_blob(), 0o755);
    std::fs::hard_link(root.join("a.txt"), root.join("hard")).unwrap();
    std::os::unix::fs::symlink("a.txt", root.join("link")).unwrap();
    write(&root.join("secret.key"), b"k", 0o600);
    std::os::unix::fs::symlink("../outside", root.join("out")).unwrap();
    (tmp, root)
}

fn services_for(root: &Path) -> SessionServices {
    SessionBuilder::new(info())
        .local_dir("context", root)
        .build()
}

#[tokio::test]
async fn diffcopy_sends_exact_stats_and_requested_data() {
    let (_tmp, root) = fixture();
    let channel = connect(services_for(&root)).await;
    let got = sync(
        channel.clone(),
        &[("dir-name", "context"), ("exclude-patterns", "*.key")],
        |_| true,
    )
    .await
    .unwrap();
    assert_eq!(
        got.paths(),
        [
            "a.txt",
            "dir",
            "dir/b.txt",
            "dir/sub",
            "dir/sub/c.bin",
            "hard",
            "link",
            "out"
        ]
    );
    let modes: Vec<u32> = got.stats.iter().map(|s| s.mode).collect();
    assert_eq!(
        modes,
        [
            0o644,
            go_mode::DIR | 0o750,
            0o600,
            go_mode::DIR | 0o755,
            0o755,
            0o644,
            go_mode::SYMLINK | 0o777,
            go_mode::SYMLINK | 0o777,
        ]
    );
    let links: Vec<&str> = got.stats.iter().map(|s| s.linkname.as_str()).collect();
    assert_eq!(links, ["", "", "", "", "", "a.txt", "a.txt", "../outside"]);

    // Stats match lstat exactly.
    let md = std::fs::symlink_metadata(root.join("dir/sub/c.bin")).unwrap();
    let (id, c) = got.stat("dir/sub/c.bin");
    assert_eq!(c.size, 100_000);
    assert_eq!(c.mod_time, md.mtime() * 1_000_000_000 + md.mtime_nsec());
    assert_eq!((c.uid, c.gid), (md.uid(), md.gid()));
    assert_eq!(got.stat("dir").1.size, 0);
    assert_eq!(got.stat("hard").1.size, 5, "hard links keep their size");
    assert_eq!(
        got.stat("link").1.size,
        5,
        "symlink size is the target length"
    );

    // Requested content arrives intact, in 32 KiB chunks.
    assert_eq!(got.data[&id], big_blob());
    assert_eq!(got.data[&got.stat("a.txt").0], b"hello");
    assert_eq!(got.data[&got.stat("dir/b.txt").0], b"bee");
    assert_eq!(got.data.len(), 3, "hard link and symlinks carry no data");
    assert_eq!(got.data_packets, (4 + 1) + (1 + 1) + (1 + 1));

    // A second sync where the receiver has everything moves no data.
    let again = sync(
        channel,
        &[("dir-name", "context"), ("exclude-patterns", "*.key")],
        |_| false,
    )
    .await
    .unwrap();
    assert_eq!(again.stats, got.stats, "stats are stable");
    assert_eq!(again.data_packets, 0);
}

#[tokio::test]
async fn include_patterns_send_parents_and_subset() {
    let (_tmp, root) = fixture();
    let channel = connect(services_for(&root)).await;
    let got = sync(
        channel.clone(),
        &[("dir-name", "context"), ("include-patterns", "dir/sub")],
        |_| true,
    )
    .await
    .unwrap();
    assert_eq!(got.paths(), ["dir", "dir/sub", "dir/sub/c.bin"]);

    // Several values of one key, plus an exclude with a `!` exception.
    let got = sync(
        channel.clone(),
        &[
            ("dir-name", "context"),
            ("include-patterns", "dir"),
            ("include-patterns", "*.txt"),
            ("exclude-patterns", "dir"),
            ("exclude-patterns", "!dir/b.txt"),
        ],
        |_| true,
    )
    .await
    .unwrap();
    assert_eq!(got.paths(), ["a.txt", "dir", "dir/b.txt"]);

    // followpaths resolve the symlink and include its target.
    let got = sync(
        channel,
        &[
            ("dir-name", "context"),
            ("include-patterns", "link"),
            ("followpaths", "link"),
        ],
        |_| true,
    )
    .await
    .unwrap();
    assert_eq!(got.paths(), ["a.txt", "link"]);
    assert_eq!(got.data[&0], b"hello");
}

#[tokio::test]
async fn nothing_outside_the_directory_is_served() {
    let (_tmp, root) = fixture();
    let channel = connect(services_for(&root)).await;

    // Unknown directory names are refused.
    let err = sync(channel.clone(), &[("dir-name", "../root")], |_| true)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound);

    // A symlink out of the root is described, never followed.
    let got = sync(
        channel.clone(),
        &[
            ("dir-name", "context"),
            ("include-patterns", "out/secret"),
            ("followpaths", "out/secret"),
        ],
        |_| true,
    )
    .await
    .unwrap();
    assert_eq!(got.paths(), ["out"]);
    assert!(got.data.is_empty());

    // `..` patterns reach nothing.
    let got = sync(
        channel.clone(),
        &[
            ("dir-name", "context"),
            ("include-patterns", "../outside/secret"),
        ],
        |_| true,
    )
    .await
    .unwrap();
    assert!(got.stats.is_empty());

    // Requesting data for a symlink (or any id that is not a regular file)
    // is an error.
    let (tx, rx) = mpsc::channel::<Packet>(16);
    let mut client = FileSyncClient::new(channel);
    let mut incoming = client
        .diff_copy(with_md(
            ReceiverStream::new(rx),
            &[("dir-name", "context"), ("include-patterns", "out")],
        ))
        .await
        .unwrap()
        .into_inner();
    let first = incoming.message().await.unwrap().unwrap();
    assert_eq!(first.stat.unwrap().path, "out");
    tx.send(Packet {
        r#type: PacketType::PacketReq as i32,
        id: 0,
        ..Default::default()
    })
    .await
    .unwrap();
    let mut saw_err = false;
    loop {
        match incoming.message().await {
            Ok(Some(p)) if p.r#type == PacketType::PacketErr as i32 => {
                assert!(String::from_utf8_lossy(&p.data).contains("invalid file id 0"));
                saw_err = true;
            }
            Ok(Some(p)) => assert_ne!(p.r#type, PacketType::PacketData as i32),
            Ok(None) => break,
            Err(_) => break,
        }
    }
    assert!(saw_err);
}

#[tokio::test]
async fn ten_thousand_files_sync() {
    let tmp = tempfile::tempdir().unwrap();
    for d in 0..100 {
        let dir = tmp.path().join(format!("d{d:03}"));
        std::fs::create_dir(&dir).unwrap();
        for f in 0..100 {
            std::fs::write(dir.join(format!("f{f:03}")), format!("{d}/{f}")).unwrap();
        }
    }
    let channel = connect(services_for(tmp.path())).await;
    let got = sync(channel, &[("dir-name", "context")], |_| true)
        .await
        .unwrap();
    assert_eq!(got.stats.len(), 10_100);
    assert_eq!(got.data.len(), 10_000);
    let (id, _) = got.stat("d042/f007");
    assert_eq!(got.data[&id], b"42/7");
}

/// Calls FileSend/DiffCopy like the engine does, with raw message bytes.
async fn file_send_call(
    channel: Channel,
    exporter: &str,
    outgoing: mpsc::Receiver<Vec<u8>>,
) -> Result<tonic::Streaming<Vec<u8>>, Status> {
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready().await.unwrap();
    let req = with_md(
        ReceiverStream::new(outgoing),
        &[(KEY_EXPORTER_ID, exporter)],
    );
    let path = tonic::codegen::http::uri::PathAndQuery::from_static(DIFF_COPY_PATH);
    Ok(grpc.streaming(req, path, RawCodec).await?.into_inner())
}

#[tokio::test]
async fn file_send_writes_archive_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.tar.tmp");
    let services = SessionBuilder::new(info())
        .output(0, OutputTarget::Dir(tmp.path().join("unused")))
        .output(2, OutputTarget::File(out.clone()))
        .build();
    assert!(
        services
            .methods
            .contains(&"/moby.filesync.v1.FileSend/DiffCopy".to_owned())
    );
    let channel = connect(services).await;
    let (tx, rx) = mpsc::channel(8);
    // Exporter 1 (an image, say) writes no files: ids follow the solve request, not the targets.
    let mut incoming = file_send_call(channel.clone(), "2", rx).await.unwrap();
    let blob = big_blob();
    for chunk in blob.chunks(30_000) {
        tx.send(
            BytesMessage {
                data: chunk.to_vec(),
            }
            .encode_to_vec(),
        )
        .await
        .unwrap();
    }
    drop(tx);
    // The call ends only once the file is written.
    assert!(incoming.message().await.unwrap().is_none());
    assert_eq!(std::fs::read(&out).unwrap(), blob);

    for missing in ["1", "7"] {
        let (_tx, rx) = mpsc::channel(1);
        let err = async {
            file_send_call(channel.clone(), missing, rx)
                .await?
                .message()
                .await
        }
        .await
        .unwrap_err();
        assert!(
            err.message()
                .contains(&format!("exporter {missing} not found")),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn file_send_local_receives_a_tree() {
    let (tmp, root) = fixture();
    std::fs::remove_file(root.join("out")).unwrap();
    let dest = tmp.path().join("dest");
    let channel = connect(
        SessionBuilder::new(info())
            .output(0, OutputTarget::Dir(dest.clone()))
            .build(),
    )
    .await;

    // Play the engine: fsutil's sender over the FileSend stream.
    let (tx, rx) = mpsc::channel::<Vec<u8>>(64);
    let incoming = file_send_call(channel, "0", rx).await.unwrap();
    let packets = incoming.map(|m| {
        m.and_then(|raw| {
            Packet::decode(raw.as_slice()).map_err(|e| Status::internal(e.to_string()))
        })
    });
    let (ptx, mut prx) = mpsc::channel::<Result<Packet, Status>>(64);
    let forward = tokio::spawn(async move {
        while let Some(Ok(p)) = prx.recv().await {
            if tx.send(p.encode_to_vec()).await.is_err() {
                break;
            }
        }
    });
    send_dir(root.clone(), FilterOpts::default(), Box::pin(packets), ptx)
        .await
        .unwrap();
    forward.await.unwrap();

    assert_eq!(std::fs::read(dest.join("a.txt")).unwrap(), b"hello");
    assert_eq!(
        std::fs::read(dest.join("dir/sub/c.bin")).unwrap(),
        big_blob()
    );
    assert_eq!(
        std::fs::read_link(dest.join("link")).unwrap(),
        Path::new("a.txt")
    );
    let a = std::fs::metadata(dest.join("a.txt")).unwrap();
    assert_eq!(std::fs::metadata(dest.join("hard")).unwrap().ino(), a.ino());
    let b = std::fs::metadata(dest.join("dir/b.txt")).unwrap();
    assert_eq!(b.mode() & 0o7777, 0o600);
    assert_eq!(
        std::fs::metadata(dest.join("dir")).unwrap().mode() & 0o7777,
        0o750
    );
    let src = std::fs::metadata(root.join("dir/sub/c.bin")).unwrap();
    let got = std::fs::metadata(dest.join("dir/sub/c.bin")).unwrap();
    assert_eq!(
        (got.mtime(), got.mtime_nsec()),
        (src.mtime(), src.mtime_nsec())
    );
    let src_dir = std::fs::metadata(root.join("dir")).unwrap();
    assert_eq!(
        std::fs::metadata(dest.join("dir")).unwrap().mtime(),
        src_dir.mtime()
    );
}

#[tokio::test]
async fn receiver_refuses_escaping_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("dest");
    let stat = |path: &str, mode: u32, linkname: &str| {
        Ok(Packet {
            r#type: PacketType::PacketStat as i32,
            stat: Some(Stat {
                path: path.into(),
                mode,
                linkname: linkname.into(),
                ..Default::default()
            }),
            ..Default::default()
        })
    };
    for bad in [
        vec![stat("../evil", 0o644, "")],
        vec![stat("/abs", 0o644, "")],
        // a symlink then a file "through" it: the parent was never a dir entry
        vec![
            stat("l", go_mode::SYMLINK | 0o777, ".."),
            stat("l/evil", 0o644, ""),
        ],
        // a hard link to something never sent
        vec![stat("h", 0o644, "../../etc/passwd")],
    ] {
        let (tx, mut rx) = mpsc::channel(8);
        let result =
            super::filesync::receive::receive_dir(&dest, tokio_stream::iter(bad), tx).await;
        assert!(result.is_err());
        let mut saw_err = false;
        while let Ok(p) = rx.try_recv() {
            saw_err |= p.r#type == PacketType::PacketErr as i32;
        }
        assert!(saw_err, "receiver reports the error to the sender");
    }
    assert!(!tmp.path().join("evil").exists());
}

#[tokio::test]
async fn secrets_found_and_not_found() {
    use crate::proto::secrets::GetSecretRequest;
    use crate::proto::secrets::secrets_client::SecretsClient;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("tok"), b"from-file").unwrap();
    let services = SessionBuilder::new(info())
        .secret("file", SecretSource::File(tmp.path().join("tok")))
        .secret("lit", SecretSource::Value(b"v".to_vec()))
        .secret(
            "env",
            SecretSource::Env("STRATA_TEST_SURELY_UNSET_VAR".into()),
        )
        .build();
    assert!(
        services
            .methods
            .contains(&"/moby.buildkit.secrets.v1.Secrets/GetSecret".to_owned())
    );
    let mut client = SecretsClient::new(connect(services).await);
    let get = |id: &str| GetSecretRequest {
        id: id.into(),
        ..Default::default()
    };
    assert_eq!(
        client
            .get_secret(get("file"))
            .await
            .unwrap()
            .into_inner()
            .data,
        b"from-file"
    );
    assert_eq!(
        client
            .get_secret(get("lit"))
            .await
            .unwrap()
            .into_inner()
            .data,
        b"v"
    );
    assert!(
        client
            .get_secret(get("env"))
            .await
            .unwrap()
            .into_inner()
            .data
            .is_empty()
    );
    let err = client.get_secret(get("nope")).await.unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
}

#[tokio::test]
async fn auth_from_config_file() {
    use crate::proto::filesync::auth_client::AuthClient;
    use crate::proto::filesync::{CredentialsRequest, GetTokenAuthorityRequest};
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("config.json");
    // "me:pw" / "bot:s3cret"
    std::fs::write(
        &path,
        r#"{"auths":{"https://index.docker.io/v1/":{"auth":"bWU6cHc="},"registry.example.com:5000":{"auth":"Ym90OnMzY3JldA=="}}}"#,
    )
    .unwrap();
    let config = DockerAuthConfig::load(&path).unwrap();
    let mut client =
        AuthClient::new(connect(SessionBuilder::new(info()).docker_auth(config).build()).await);
    let creds = |host: &str| CredentialsRequest { host: host.into() };
    let hub = client
        .credentials(creds("registry-1.docker.io"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!((hub.username.as_str(), hub.secret.as_str()), ("me", "pw"));
    let other = client
        .credentials(creds("registry.example.com:5000"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (other.username.as_str(), other.secret.as_str()),
        ("bot", "s3cret")
    );
    let none = client
        .credentials(creds("unknown.example"))
        .await
        .unwrap()
        .into_inner();
    assert!(none.username.is_empty() && none.secret.is_empty());
    let err = client
        .get_token_authority(GetTokenAuthorityRequest {
            host: "registry-1.docker.io".into(),
            salt: vec![],
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::Unimplemented);
    assert!(
        DockerAuthConfig::load(&tmp.path().join("missing.json"))
            .unwrap()
            .auths
            .is_empty()
    );
}

#[tokio::test]
async fn health_and_method_list() {
    use crate::proto::health::HealthCheckRequest;
    use crate::proto::health::health_check_response::ServingStatus;
    use crate::proto::health::health_client::HealthClient;
    let services = SessionBuilder::new(info())
        .local_dir("context", ".")
        .build();
    assert_eq!(
        services.methods,
        [
            "/grpc.health.v1.Health/Check",
            "/grpc.health.v1.Health/Watch",
            "/moby.filesync.v1.FileSync/DiffCopy",
            "/moby.filesync.v1.FileSync/TarStream",
        ]
    );
    let mut client = HealthClient::new(connect(services).await);
    let resp = client
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .unwrap();
    assert_eq!(resp.into_inner().status, ServingStatus::Serving as i32);
}

#[tokio::test]
async fn ssh_agent_is_forwarded_per_id() {
    use crate::proto::sshforward::ssh_client::SshClient;
    use crate::proto::sshforward::{BytesMessage, CheckAgentRequest};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let tmp = tempfile::tempdir().unwrap();
    let sock = tmp.path().join("agent.sock");
    // A fake agent that answers each read with the bytes reversed.
    let listener = tokio::net::UnixListener::bind(&sock).unwrap();
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 64];
                while let Ok(n) = conn.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    buf[..n].reverse();
                    conn.write_all(&buf[..n]).await.unwrap();
                }
            });
        }
    });
    let services = SessionBuilder::new(info())
        .ssh("", &sock)
        .ssh_with("work", &sock, ssh::AgentAccess::Raw)
        .build();
    let mut client = SshClient::new(connect(services).await);
    client
        .check_agent(CheckAgentRequest { id: String::new() })
        .await
        .unwrap();
    client
        .check_agent(CheckAgentRequest { id: "work".into() })
        .await
        .unwrap();
    let err = client
        .check_agent(CheckAgentRequest { id: "nope".into() })
        .await
        .unwrap_err();
    assert!(err.message().contains("unset ssh forward key nope"));

    let (tx, rx) = mpsc::channel(4);
    let mut incoming = client
        .forward_agent(with_md(
            ReceiverStream::new(rx),
            &[("buildkit.ssh.id", "work")],
        ))
        .await
        .unwrap()
        .into_inner();
    tx.send(BytesMessage {
        data: b"abc".to_vec(),
    })
    .await
    .unwrap();
    assert_eq!(incoming.message().await.unwrap().unwrap().data, b"cba");
    drop(tx);
    // Our half-close reaches the agent, which closes; the call ends.
    assert!(incoming.message().await.unwrap().is_none());
}

/// Listens on `bridge` and carries each connection over one `ForwardAgent`
/// call for agent `id`, as the engine does for `RUN --mount=type=ssh`.
async fn ssh_bridge(channel: Channel, bridge: &Path, id: &'static str) {
    use crate::proto::sshforward::BytesMessage;
    use crate::proto::sshforward::ssh_client::SshClient;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::UnixListener::bind(bridge).unwrap();
    tokio::spawn(async move {
        while let Ok((conn, _)) = listener.accept().await {
            let mut client = SshClient::new(channel.clone());
            tokio::spawn(async move {
                let (mut read, mut write) = conn.into_split();
                let (tx, rx) = mpsc::channel(4);
                let Ok(response) = client
                    .forward_agent(with_md(ReceiverStream::new(rx), &[("buildkit.ssh.id", id)]))
                    .await
                else {
                    return;
                };
                let mut incoming = response.into_inner();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 4096];
                    while let Ok(n) = read.read(&mut buf).await {
                        if n == 0 {
                            break;
                        }
                        let data = buf[..n].to_vec();
                        if tx.send(BytesMessage { data }).await.is_err() {
                            break;
                        }
                    }
                });
                while let Ok(Some(msg)) = incoming.message().await {
                    if write.write_all(&msg.data).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
}

/// `ssh-add ARGS` (or another OpenSSH tool) against `agent`; a passphrase,
/// when asked, comes from `askpass`.
async fn openssh(tool: &str, args: &[&str], agent: &Path, askpass: &Path) -> (bool, String) {
    let out = tokio::process::Command::new(tool)
        .args(args)
        .env("SSH_AUTH_SOCK", agent)
        .env("SSH_ASKPASS", askpass)
        .env("SSH_ASKPASS_REQUIRE", "force")
        .env("DISPLAY", ":0")
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// A real ssh-agent behind the session's forwarding path: through the
/// default read-only view, OpenSSH's own tools can list keys and sign but
/// cannot add, remove or lock; with raw access they can.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_ssh_agent_lists_and_signs_only() {
    use std::os::unix::fs::PermissionsExt;
    if std::process::Command::new("ssh-agent")
        .arg("-h")
        .stderr(std::process::Stdio::null())
        .status()
        .is_err()
    {
        eprintln!("SKIPPED: ssh-agent (openssh-client) is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let askpass = dir.join("askpass");
    std::fs::write(&askpass, "#!/bin/sh\necho lock-passphrase\n").unwrap();
    std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o755)).unwrap();
    for key in ["key1", "key2"] {
        let path = dir.join(key);
        let (ok, out) = openssh(
            "ssh-keygen",
            &[
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                key,
                "-f",
                path.to_str().unwrap(),
            ],
            &dir.join("none"),
            &askpass,
        )
        .await;
        assert!(ok, "{out}");
    }
    let agent_sock = dir.join("agent.sock");
    let mut agent = tokio::process::Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&agent_sock)
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if agent_sock.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let key1 = dir.join("key1");
    let key2 = dir.join("key2");
    let (ok, out) = openssh("ssh-add", &[key1.to_str().unwrap()], &agent_sock, &askpass).await;
    assert!(ok, "{out}");

    let services = SessionBuilder::new(info())
        .ssh("", &agent_sock)
        .ssh_with("full", &agent_sock, ssh::AgentAccess::Raw)
        .build();
    let channel = connect(services).await;
    let read_only = dir.join("read-only.sock");
    let raw = dir.join("raw.sock");
    ssh_bridge(channel.clone(), &read_only, "default").await;
    ssh_bridge(channel, &raw, "full").await;

    // Listing and signing work.
    let (ok, out) = openssh("ssh-add", &["-l"], &read_only, &askpass).await;
    assert!(ok && out.contains("key1") && !out.contains("key2"), "{out}");
    let data = dir.join("data");
    std::fs::write(&data, "signed through the filter").unwrap();
    let pub1 = dir.join("key1.pub");
    std::fs::remove_file(&key1).unwrap(); // only the agent can sign now
    let (ok, out) = openssh(
        "ssh-keygen",
        &[
            "-Y",
            "sign",
            "-n",
            "file",
            "-f",
            pub1.to_str().unwrap(),
            data.to_str().unwrap(),
        ],
        &read_only,
        &askpass,
    )
    .await;
    assert!(ok, "signing through the read-only agent failed: {out}");
    assert!(dir.join("data.sig").exists());

    // Adding, removing and locking are refused without reaching the agent.
    let pub2 = dir.join("key2.pub");
    for (args, what) in [
        (vec![key2.to_str().unwrap()], "add a key"),
        (vec!["-d", pub1.to_str().unwrap()], "remove a key"),
        (vec!["-D"], "remove all keys"),
        (vec!["-x"], "lock the agent"),
    ] {
        let (ok, out) = openssh("ssh-add", &args, &read_only, &askpass).await;
        assert!(!ok, "a build could {what}: {out}");
    }
    let (ok, out) = openssh("ssh-add", &["-l"], &agent_sock, &askpass).await;
    assert!(
        ok && out.contains("key1") && !out.contains("key2"),
        "the agent changed behind the read-only view: {out}"
    );

    // Raw access is the opt-in for all of it.
    let (ok, out) = openssh("ssh-add", &[key2.to_str().unwrap()], &raw, &askpass).await;
    assert!(ok, "{out}");
    let (ok, out) = openssh("ssh-add", &["-d", pub2.to_str().unwrap()], &raw, &askpass).await;
    assert!(ok, "{out}");
    let (ok, out) = openssh("ssh-add", &["-x"], &raw, &askpass).await;
    assert!(ok, "{out}");
    let (_, out) = openssh("ssh-add", &["-l"], &agent_sock, &askpass).await;
    assert!(!out.contains("key1"), "the agent is not locked: {out}");
    let _ = agent.kill().await;
}

#[tokio::test]
async fn hostile_context_syncs_like_fsutil_without_blocking() {
    use super::filesync::walk::hostile;
    let tmp = tempfile::tempdir().unwrap();
    let root = hostile::long_root(tmp.path());
    let (_sock, _) = hostile::make(&root);
    let channel = connect(services_for(&root)).await;
    let got = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        sync(channel, &[("dir-name", "context")], |_| true),
    )
    .await
    .expect("the sync blocked")
    .unwrap();
    // The FIFO goes as a stat only; the socket (socket bit cleared, as
    // fsutil does) is requested and arrives empty, as upstream's sendFile
    // sends a file it cannot open.
    assert_eq!(got.stat("fifo").1.mode & go_mode::TYPE, go_mode::NAMED_PIPE);
    assert!(!got.data.contains_key(&got.stat("fifo").0));
    assert_eq!(got.data[&got.stat("sock").0], b"");
    assert_eq!(got.data[&got.stat("a.txt").0], b"a");
    // A symlink out of the context is a symlink, not /etc/passwd's content.
    assert_eq!(got.stat("passwd").1.linkname, "/etc/passwd");
    assert!(!got.data.contains_key(&got.stat("passwd").0));
    // The deep file's content comes through although root + path > PATH_MAX.
    assert_eq!(got.data[&got.stat(&hostile::deep_rel()).0], b"deep");
    // The non-UTF-8 name is not sent.
    assert!(!got.paths().iter().any(|p| p.starts_with("caf")));
}

#[tokio::test]
async fn upload_is_pulled_once_in_order() {
    use crate::proto::upload::BytesMessage;
    use crate::proto::upload::upload_client::UploadClient;
    let body: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let mut builder = SessionBuilder::new(info());
    let url = builder.upload(Box::pin(std::io::Cursor::new(body.clone())));
    assert!(url.starts_with("http://buildkit-session/"), "{url}");
    let services = builder.build();
    assert!(
        services
            .methods
            .contains(&"/moby.upload.v1.Upload/Pull".to_owned())
    );
    let mut client = UploadClient::new(connect(services).await);
    let path = url.trim_start_matches("http://buildkit-session");
    let pull = |client: &mut UploadClient<Channel>| {
        let req = with_md(
            tokio_stream::empty::<BytesMessage>(),
            &[("urlpath", path), ("urlhost", "buildkit-session")],
        );
        let mut client = client.clone();
        async move { client.pull(req).await }
    };
    let mut stream = pull(&mut client).await.unwrap().into_inner();
    let mut got = Vec::new();
    while let Some(msg) = stream.message().await.unwrap() {
        assert!(msg.data.len() <= 4 << 20);
        got.extend_from_slice(&msg.data);
    }
    assert_eq!(got, body);
    let again = pull(&mut client).await.unwrap_err();
    assert_eq!(again.code(), Code::NotFound);
}
