"""Per-user Ed25519 key pairs; the private key is stored encrypted under a key derived from the password.

The private key never exists unencrypted at rest: signing asks for the password again (re-authentication),
derives the key with scrypt and opens the AES-256-GCM box. A wrong password fails cleanly.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class KeyUnlockError(Exception):
    """A key cannot be unlocked or parsed; `str(exc)` is a Chinese message for the user."""


@dataclass(frozen=True)
class KeyPair:
    """What is stored for a user: the public key (raw, base64) and the encrypted private key (JSON text)."""

    public_key: str
    encrypted_private_key: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_key_b64: str) -> str:
    """SHA-256 of the raw public key, hex, grouped by 4 for reading aloud (first 32 hex digits)."""
    digest = hashlib.sha256(unb64(public_key_b64)).hexdigest()[:32]
    return ":".join(digest[i:i + 4] for i in range(0, 32, 4))


def _kek(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(password.encode("utf-8"))


def generate_keypair(password: str) -> KeyPair:
    """A new Ed25519 key pair, the private half sealed under the password."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    return KeyPair(public_key=b64(public_bytes(private.public_key())),
                   encrypted_private_key=seal(raw_private, password))


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def seal(raw_private: bytes, password: str) -> str:
    """Encrypt raw key bytes under the password (scrypt + AES-256-GCM) as a small JSON document."""
    salt, nonce = os.urandom(16), os.urandom(12)
    box = AESGCM(_kek(password, salt)).encrypt(nonce, raw_private, b"live-review-ed25519")
    return json.dumps({"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64(salt),
                       "nonce": b64(nonce), "box": b64(box)})


def unlock(encrypted_private_key: str, password: str) -> Ed25519PrivateKey:
    """The private key, or KeyUnlockError when the password is wrong or the stored key is damaged."""
    try:
        meta = json.loads(encrypted_private_key)
        kek = Scrypt(salt=unb64(meta["salt"]), length=32, n=meta["n"], r=meta["r"], p=meta["p"]).derive(
            password.encode("utf-8"))
        raw = AESGCM(kek).decrypt(unb64(meta["nonce"]), unb64(meta["box"]), b"live-review-ed25519")
    except InvalidTag as exc:
        raise KeyUnlockError("密码错误，无法解锁签名密钥") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyUnlockError("签名密钥已损坏，无法解锁") from exc
    return Ed25519PrivateKey.from_private_bytes(raw)


def reseal(encrypted_private_key: str, old_password: str, new_password: str) -> str:
    """The same private key sealed under a new password (password change keeps old signatures valid)."""
    private = unlock(encrypted_private_key, old_password)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    return seal(raw, new_password)


def verify_bytes(public_key_b64: str, signature_b64: str, data: bytes) -> bool:
    """True when the Ed25519 signature over data holds for the public key."""
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_key_b64)).verify(unb64(signature_b64), data)
    except (InvalidSignature, ValueError):
        return False
    return True
