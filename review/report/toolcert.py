"""The installation's own keys, created on first use under REVIEW_HOME/keys (mode 0600).

- an Ed25519 key that seals every export: it covers the whole report (record, every signature, status),
  so a signature removed from the end is detected too;
- a self-signed ECDSA P-256 certificate for the PAdES signature that makes PDF readers show the file as
  signed. The reviewers' own Ed25519 signatures live in the attached JSON record.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

from ..nlp import data_dir

_lock = threading.Lock()


def keys_dir() -> Path:
    path = data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path


def tool_cert_paths() -> tuple[Path, Path]:
    """(key.pem, cert.pem) of the installation, generated once."""
    key_path, cert_path = keys_dir() / "pdf-signing-key.pem", keys_dir() / "pdf-signing-cert.pem"
    with _lock:
        if not (key_path.exists() and cert_path.exists()):
            _generate(key_path, cert_path)
    return key_path, cert_path


def tool_signing_key() -> Ed25519PrivateKey:
    """The installation's Ed25519 key that seals each exported report (created once, mode 0600)."""
    path = keys_dir() / "report-seal-ed25519.pem"
    with _lock:
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key


def _generate(key_path: Path, cert_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "live-review 审核报告签章"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "live-review")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    tmp_key, tmp_cert = key_path.with_suffix(".tmp"), cert_path.with_suffix(".tmp")
    tmp_key.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    os.chmod(tmp_key, 0o600)
    tmp_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.replace(tmp_key, key_path)
    os.replace(tmp_cert, cert_path)
