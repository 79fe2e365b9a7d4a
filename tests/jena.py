"""Run Apache Jena (RIOT, ARQ, SHACL, TDB2: Fuseki's engine) from Debian's libapache-jena-java.

See /work/shared/JENA.md.  Debian ships jars in /usr/share/java, no wrapper
scripts, so this module builds a classpath that works (the full directory has
two SLF4J bindings) and works around a packaging defect: jena-core.jar has the
shaded Xerces classes under xerces/impl/... but their message resources under
org/apache/jena/ext/xerces/impl/..., so every command dies at start with an
ExceptionInInitializerError.  The resources are copied to where the classes
look for them, in a folder placed first on the classpath.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")
JARS = (
    "jena-arq jena-base jena-cmds jena-core jena-dboe-base jena-dboe-index jena-dboe-storage "
    "jena-dboe-trans-data jena-dboe-transaction jena-iri jena-rdfconnection jena-shacl jena-shex "
    "jena-tdb jena-tdb2 commons-cli commons-codec commons-compress commons-csv commons-io "
    "commons-lang3 dexx.collection gson guava httpclient httpclient-cache httpcore jackson-annotations jackson-core "
    "jackson-databind jakarta.json-api jsonld-java protobuf thrift titanium-json-ld slf4j-api "
    "slf4j-simple"
).split()
# httpclient-cache: the JSON-LD 1.0 reader (jsonld-java) needs it. Debian ships no Jakarta JSON implementation, so
# Jena's JSON-LD 1.1 reader (titanium) cannot load any document here: JSON-LD is checked with --syntax=jsonld10.
INSTALL_HINT = "apt-get update && apt-get install -y libapache-jena-java"
DEFAULT_CACHE = Path.home() / ".cache" / "dangkg-jena"
DEFAULT_TIMEOUT = 120  # seconds; a command takes ~1 s of JVM start plus its work

_SHADED = "org/apache/jena/ext/"
_RESOURCES = ("xerces/impl/xpath/regex/message.properties", "xerces/impl/msg/")


def java() -> str | None:
    """Path of the java executable, or None."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def missing() -> list[str]:
    """What is missing to run Jena (empty when everything is there)."""
    out = [] if java() else ["java (not on PATH)"]
    out += [str(JAVA_DIR / f"{n}.jar") for n in JARS if not (JAVA_DIR / f"{n}.jar").is_file()]
    return out


def available() -> bool:
    """True when java and every jar of the classpath exist."""
    return not missing()


def unavailable_message() -> str:
    gone = missing()
    jars = [m for m in gone if m.endswith(".jar")]
    if len(jars) == len(JARS):  # not installed at all: say so briefly
        gone = [m for m in gone if not m.endswith(".jar")] + [f"all Jena jars in {JAVA_DIR}"]
    return f"Apache Jena is not available (missing: {', '.join(gone)}); install it with: {INSTALL_HINT}"


def fix_dir(cache: Path | str | None = None) -> Path:
    """Prepare (once) the folder holding the Xerces message resources at the paths the classes expect."""
    base = Path(cache) if cache is not None else DEFAULT_CACHE
    out = base / "xerces-fix"
    done = out / ".complete"
    core = JAVA_DIR / "jena-core.jar"
    stamp = f"{core.stat().st_size}:{core.stat().st_mtime_ns}"
    if done.is_file() and done.read_text() == stamp:
        return out
    n = 0
    with zipfile.ZipFile(core) as z:
        for name in z.namelist():
            if not (name.startswith(_SHADED) and name.endswith(".properties")):
                continue
            rel = name[len(_SHADED):]
            if not any(rel == r or (r.endswith("/") and rel.startswith(r) and "/" not in rel[len(r):])
                       for r in _RESOURCES):
                continue
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".tmp{os.getpid()}")
            tmp.write_bytes(z.read(name))
            tmp.replace(target)
            n += 1
    if not (out / "xerces/impl/xpath/regex/message.properties").is_file() or n < 2:
        raise RuntimeError(f"{core}: Xerces message resources not found under {_SHADED}xerces/impl/")
    done.write_text(stamp)
    return out


def classpath(cache: Path | str | None = None) -> str:
    """The Java classpath: the fix folder first, then the jar list of JENA.md."""
    if not available():
        raise RuntimeError(unavailable_message())
    return os.pathsep.join([str(fix_dir(cache))] + [str(JAVA_DIR / f"{n}.jar") for n in JARS])


@dataclass
class Result:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"$ {' '.join(self.args)}\nexit {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


def run(main_class: str, *args: str | os.PathLike, cache: Path | str | None = None,
        timeout: float = DEFAULT_TIMEOUT, cwd: Path | str | None = None) -> Result:
    """Run `java -cp CP main_class args...`; output decoded as UTF-8. Raises TimeoutExpired on timeout."""
    cmd = [java() or "java", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
           "-cp", classpath(cache), main_class, *map(str, args)]
    p = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=cwd)
    return Result([main_class, *map(str, args)], p.returncode,
                  p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))
