"""Hardening layers for a worker, one function each, applied right after fork.

Each returns a Layer saying whether it is on and, if not, why; `doctor` shows the list. Every
layer degrades: on a laptop without Landlock or seccomp the judge still runs, with fewer layers.
Pre-job layers run before the job arrives (so a spare worker waits already hardened); job layers
(address-space and CPU limits sized for the problem, then seccomp) run after the job message and
before any submitted byte executes.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_libc = ctypes.CDLL(None, use_errno=True)

PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
CLONE_NEWIPC = 0x08000000
CLONE_THREAD = 0x00010000
MS_REC, MS_PRIVATE, MS_NOSUID, MS_NODEV, MS_BIND, MS_RDONLY = 0x4000, 0x40000, 0x2, 0x4, 0x1000, 0x1
TMP_BYTES = 16 * 1024 * 1024  # the worker's private /tmp and its largest file
_tmp_path: str | None = None  # "/tmp" once the worker's own tmpfs is mounted there
_own_mount_namespace = False  # set once this process has its own mount namespace


@dataclass
class Layer:
    name: str
    on: bool
    note: str = ""

    def __str__(self) -> str:
        return f"{self.name}: {'on' if self.on else 'off'}" + (f" ({self.note})" if self.note else "")


def disabled_layers() -> set[str]:
    """MIANJING_DISABLE_LAYERS=landlock,seccomp (or "all"): simulate a platform without them."""
    raw = os.environ.get("MIANJING_DISABLE_LAYERS", "")
    return {x.strip() for x in raw.split(",") if x.strip()}


def _layer(name: str, fn, *args) -> Layer:  # noqa: ANN001
    off = disabled_layers()
    if name in off or ("all" in off and name != "job-rlimits"):
        return Layer(name, False, "disabled by MIANJING_DISABLE_LAYERS")
    try:
        note = fn(*args)
        return Layer(name, True, note or "")
    except Exception as exc:  # noqa: BLE001 - a layer the platform lacks is reported, not fatal
        return Layer(name, False, f"{type(exc).__name__}: {exc}"[:200])


def _check(ret: int, what: str) -> None:
    if ret != 0:
        e = ctypes.get_errno()
        raise OSError(e, f"{what}: {os.strerror(e)}")


# ---------------------------------------------------------------- pre-job layers

def new_session() -> str:
    os.setsid()  # its own process group: the wall-clock kill takes everything it started
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl(PDEATHSIG)")
    return "own session; killed if the zygote dies"


def close_descriptors(keep: int) -> str:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)  # stdout/stderr of the process go nowhere; prints are captured in Python
    os.closerange(3, keep)
    os.closerange(keep + 1, 1 << 16)
    return "only the job channel is open"


def private_tmp(path: str) -> str:
    """A private, small, writable /tmp: a 16 MB tmpfs in its own mount namespace where allowed."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    os.chdir(path)
    os.environ["TMPDIR"] = path
    note = "own directory, files capped at 16 MB"
    if os.geteuid() == 0 and sys.platform == "linux":
        try:
            global _own_mount_namespace, _tmp_path
            _check(_libc.unshare(CLONE_NEWNS), "unshare(NEWNS)")
            _check(_libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount private")
            _own_mount_namespace = True
            # 1777 like any /tmp: only this worker's namespace sees it, and an interpreter bound back
            # below stays reachable for the worker's own uid
            opts = f"size={TMP_BYTES},mode=1777".encode()
            _check(_libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, opts), "mount tmpfs")
            # an interpreter (a venv) that lives under /tmp must stay visible once /tmp is covered
            keep = sorted({r for r in (os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix))
                           if r == "/tmp" or r.startswith("/tmp/")})
            fds = {r: os.open(r, os.O_PATH) for r in keep}
            try:
                # the same tmpfs is the worker's /tmp too, so code that writes /tmp/x works; it lives
                # only in this namespace, so it is empty for every job and gone with the worker
                _check(_libc.mount(path.encode(), b"/tmp", None, MS_BIND, None), "bind /tmp")
                for r, fd in fds.items():
                    os.makedirs(r, mode=0o755, exist_ok=True)
                    _check(_libc.mount(f"/proc/self/fd/{fd}".encode(), r.encode(), None, MS_BIND | MS_REC, None),
                           f"bind {r}")
            finally:
                for fd in fds.values():
                    os.close(fd)
            _tmp_path = "/tmp"
            os.chdir("/tmp")
            os.environ["TMPDIR"] = "/tmp"
            note = "16 MB tmpfs in a private mount namespace, also at /tmp"
        except OSError as exc:
            note += f"; no tmpfs ({exc})"
    return note


def network_namespace() -> str:
    if os.geteuid() != 0:
        raise PermissionError("needs root or user namespaces; seccomp still blocks sockets")
    _check(_libc.unshare(CLONE_NEWNET), "unshare(NEWNET)")
    return "empty network namespace"


def ipc_namespace() -> str:
    """Its own System V IPC namespace: shared memory, semaphores and message queues that no other
    process sees, and that vanish with the worker (seccomp refuses them anyway where it is on)."""
    if os.geteuid() != 0:
        raise PermissionError("needs root or user namespaces; seccomp still refuses System V IPC")
    _check(_libc.unshare(CLONE_NEWIPC), "unshare(NEWIPC)")
    return "own System V IPC namespace"


def private_dev_shm() -> str:
    """POSIX shared memory lives in /dev/shm: an empty read-only tmpfs over it, in the private
    mount namespace (Landlock, where present, already keeps the worker out of it)."""
    if not _own_mount_namespace:
        raise PermissionError("needs the private mount namespace, which is not available")
    if not os.path.isdir("/dev/shm"):
        return "no /dev/shm on this system"
    _check(_libc.mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, b"size=4k,mode=555"),
           "mount /dev/shm")
    return "empty and read-only"


def base_rlimits() -> str:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (TMP_BYTES, TMP_BYTES))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    if os.geteuid() != 0:  # RLIMIT_NPROC is per uid and ignored for root
        resource.setrlimit(resource.RLIMIT_NPROC, (256, 256))
    return "no core dumps, 16 MB files, 64 descriptors"


def no_new_privileges() -> str:
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")
    return ""


def interpreter_readable_by_others() -> bool:
    """A dropped uid can only import the stdlib if every directory on the way is world-searchable."""
    return all(_private_ancestor(root) is None for root in {sys.base_prefix, sys.prefix})


def _private_ancestor(path: str) -> Path | None:
    """The highest directory on the way to `path` that other users cannot enter, if any."""
    p = Path(path).resolve()
    for d in reversed([p, *p.parents]):
        if not os.stat(d).st_mode & 0o001:
            return d
    return None


def interpreter_view() -> str:
    """Inside the private mount namespace, make the interpreter reachable for another uid: each
    private directory on the way (e.g. /root, for an interpreter in ~/.pyenv) is covered by an empty
    tmpfs, and only the interpreter's own trees are bound back into it. Everything else that lived
    there (the user's home, mianjing's database) disappears from the worker's view."""
    if os.geteuid() != 0:
        return "not needed (unprivileged)"
    if not _own_mount_namespace:  # never mount anything in the host's namespace
        raise PermissionError("needs the private mount namespace, which is not available")
    roots = sorted({os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)})
    plan = [(root, _private_ancestor(root)) for root in roots]
    plan = [(root, blocker) for root, blocker in plan if blocker is not None]
    if not plan:
        return "not needed (the interpreter is world-readable)"
    fds = {root: os.open(root, os.O_PATH) for root, _ in plan}  # the real trees, kept reachable
    try:
        for blocker in sorted({b for _, b in plan}):
            _check(_libc.mount(b"tmpfs", str(blocker).encode(), b"tmpfs", MS_NOSUID | MS_NODEV,
                               b"size=64k,mode=755"), f"cover {blocker}")
        for root, _ in plan:
            os.makedirs(root, exist_ok=True)
            _check(_libc.mount(f"/proc/self/fd/{fds[root]}".encode(), root.encode(), None, MS_BIND | MS_REC, None),
                   f"bind {root}")
    finally:
        for fd in fds.values():
            os.close(fd)
    covered = ", ".join(sorted({str(b) for _, b in plan}))
    return f"{covered} hidden; only the interpreter is bound back"


def drop_uid(slot: int, tmp: str) -> str:
    if os.geteuid() != 0:
        return "already unprivileged"
    if not interpreter_readable_by_others():
        raise PermissionError(
            f"the interpreter lives under a private directory ({sys.base_prefix}); "
            "another uid could not import from it, so the worker keeps this uid (Landlock still hides files)"
        )
    uid = 61000 + slot % 1000  # one uid per worker slot: RLIMIT_NPROC counts per uid
    os.chown(tmp, uid, uid)
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))  # threads included: no thread bombs
    return f"uid {uid}, at most 64 threads"


# Landlock (Linux 5.13+), through raw syscalls: an allow-list of what the worker may read.
_LL_CREATE, _LL_ADD, _LL_RESTRICT = 444, 445, 446
_FS_READ = (1 << 2) | (1 << 3)  # READ_FILE | READ_DIR
_FS_FILE_RIGHTS = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 14) | (1 << 15)  # only these apply to a file


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def landlock_abi() -> int:
    r = _libc.syscall(_LL_CREATE, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    return r if r > 0 else 0


def readable_paths() -> list[str]:
    """What the worker may read: the interpreter, its standard library, the installed packages
    except mianjing itself (which holds the references), and the system's shared libraries."""
    paths: set[str] = set()
    for lib in ("/usr/lib", "/lib", "/lib64", "/usr/lib64", "/usr/local/lib", "/etc/ld.so.cache"):
        if os.path.exists(lib):
            paths.add(lib)
    for root in {sys.base_prefix, sys.prefix}:
        for sub in ("lib", "lib64"):
            d = Path(root) / sub
            if d.is_dir():
                for entry in d.iterdir():
                    if entry.name.startswith("python"):
                        continue  # handled below, entry by entry
                    paths.add(str(entry))
    for sp in {p for p in sys.path if p and os.path.isdir(p)}:
        real = os.path.realpath(sp)
        if real.endswith("site-packages") or real.endswith("dist-packages"):
            for entry in os.scandir(real):
                if "mianjing" not in entry.name.lower():
                    paths.add(entry.path)
        elif "python3" in real and "site-packages" not in real and os.path.basename(real).startswith("python3"):
            # the standard library folder: everything but site-packages, which is handled above
            for entry in os.scandir(real):
                if entry.name not in ("site-packages", "dist-packages"):
                    paths.add(entry.path)
    return sorted(paths)


def landlock(tmp: str) -> str:
    abi = landlock_abi()
    if abi < 1:
        raise OSError("Landlock is not available in this kernel")
    fs_all = (1 << 13) - 1
    if abi >= 2:
        fs_all |= 1 << 13
    if abi >= 3:
        fs_all |= 1 << 14
    if abi >= 5:
        fs_all |= 1 << 15
    attr = _RulesetAttr(fs_all, 0, 0)
    size = 8
    if abi >= 4:
        attr.handled_access_net, size = 0b11, 16  # no TCP bind or connect at all
    if abi >= 6:
        attr.scoped, size = 0b11, 24  # no abstract unix sockets, no signals out of the sandbox
    rfd = _libc.syscall(_LL_CREATE, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if rfd < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    try:
        def allow(path: str, access: int) -> None:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            try:
                if not os.path.isdir(path):
                    access &= _FS_FILE_RIGHTS
                rule = _PathBeneath(access & fs_all, fd)
                if _libc.syscall(_LL_ADD, rfd, 1, ctypes.byref(rule), 0) != 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")
            finally:
                os.close(fd)

        for p in readable_paths():
            allow(p, _FS_READ)
        allow(os.devnull, (1 << 1) | (1 << 2))
        allow(tmp, fs_all)
        _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")
        if _libc.syscall(_LL_RESTRICT, rfd, 0) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    finally:
        os.close(rfd)
    extra = (", no TCP" if abi >= 4 else "") + (", no signals outside" if abi >= 6 else "")
    return f"ABI {abi}: reads only the interpreter and libraries, writes only its /tmp{extra}"


def worker_tmp(default: str) -> str:
    """The worker's writable directory: /tmp once private_tmp has put its tmpfs there."""
    return _tmp_path or default


def pre_job(job_fd: int, tmp: str, slot: int) -> list[Layer]:
    first = [
        _layer("session", new_session),
        _layer("descriptors", close_descriptors, job_fd),
        _layer("private-tmp", private_tmp, tmp),
    ]
    tmp = worker_tmp(tmp)  # the original path is covered by /tmp's new mount from here on
    return first + [
        _layer("network-namespace", network_namespace),
        _layer("ipc-namespace", ipc_namespace),
        _layer("dev-shm", private_dev_shm),
        _layer("rlimits", base_rlimits),
        _layer("interpreter-view", interpreter_view),
        _layer("uid", drop_uid, slot, tmp),
        _layer("no-new-privs", no_new_privileges),
        _layer("landlock", landlock, tmp),
    ]


# 1 MB: blocks from this size on come from mmap and go back to the system when freed. glibc's default
# starts at 128 KB and raises the threshold after each large free, after which big temporaries
# fragment the heap and correct code can hit the address-space limit without ever holding much
# memory. A fixed 128 KB made every tensor temporary over 128 KB a fresh mapping, paid for in page
# faults on each allocation: flash-attention's large cases took twice the in-process time.
MMAP_THRESHOLD = 1024 * 1024


def fixed_mmap_threshold() -> None:
    """A fixed M_MMAP_THRESHOLD (see MMAP_THRESHOLD)."""
    try:
        _libc.mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
    except AttributeError:  # not glibc
        pass


# ---------------------------------------------------------------- job layers

def vm_size_bytes() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("VmSize not found")


def job_rlimits(vm_at_fork: int, memory_mb: int, cpu_s: float) -> str:
    limit = vm_at_fork + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = max(1, int(cpu_s + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU, then SIGKILL if ignored
    return f"address space {limit >> 20} MB, CPU {cpu} s"


_DENY = [
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
    "execve", "execveat", "fork", "vfork", "ptrace", "process_vm_readv", "process_vm_writev",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
    "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups", "setfsuid",
    "setfsgid", "capset", "setrlimit", "keyctl", "add_key", "request_key", "bpf", "perf_event_open",
    "userfaultfd", "io_uring_setup", "init_module", "finit_module", "delete_module", "kexec_load",
    "reboot", "swapon", "swapoff", "acct", "personality", "mknod", "mknodat", "open_by_handle_at",
    "name_to_handle_at", "iopl", "ioperm", "settimeofday", "clock_settime", "sethostname",
    "setdomainname", "syslog", "tkill", "pidfd_open", "pidfd_send_signal", "pidfd_getfd",
    "process_madvise", "memfd_create",
    # System V and POSIX message-queue IPC: shared with the host unless the worker has its own
    # IPC namespace, and nothing a solution needs
    "shmget", "shmat", "shmctl", "msgget", "msgsnd", "msgrcv", "msgctl", "semget", "semop",
    "semtimedop", "semctl", "mq_open", "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr",
]


SECCOMP_NOTE = "no sockets, exec, fork, ptrace, mounts, IPC, privilege or limit changes; signals only to itself"
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2


class _SockFprog(ctypes.Structure):  # struct sock_fprog, the argument of PR_SET_SECCOMP
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _build_filter() -> Any:
    import pyseccomp as sc

    me = os.getpid()
    f = sc.SyscallFilter(defaction=sc.ALLOW)
    deny = sc.ERRNO(errno.EPERM)
    for name in _DENY:
        try:
            f.add_rule(deny, name)
        except Exception:  # noqa: BLE001 - a syscall this architecture lacks
            pass
    f.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))  # threads yes, processes no
    f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")  # glibc then falls back to clone, filtered above
    f.add_rule(deny, "prlimit64", sc.Arg(2, sc.NE, 0))  # reading limits is fine, changing them is not
    f.add_rule(deny, "kill", sc.Arg(0, sc.NE, me))
    f.add_rule(deny, "tgkill", sc.Arg(0, sc.NE, me))
    f.add_rule(deny, "rt_sigqueueinfo", sc.Arg(0, sc.NE, me))
    f.add_rule(deny, "rt_tgsigqueueinfo", sc.Arg(0, sc.NE, me))
    return f


class SeccompProgram:
    """The worker's seccomp filter, compiled to BPF before the job arrives (building it with
    libseccomp takes about 1.5 ms, more than a tiny problem's whole run) and loaded with one
    prctl once the job's rlimits are set (the filter then forbids changing them)."""

    def __init__(self) -> None:
        self.error = ""
        self._prog: _SockFprog | None = None
        try:
            f = _build_filter()
            r, w = os.pipe()
            try:
                f.export_bpf(_Fd(w))
            finally:
                os.close(w)
            with os.fdopen(r, "rb") as pipe:
                code = pipe.read()
            if not code or len(code) % 8:
                raise OSError(f"libseccomp exported {len(code)} bytes of BPF")
            self._buf = ctypes.create_string_buffer(code, len(code))  # kept alive with the struct
            self._prog = _SockFprog(len(code) // 8, ctypes.cast(self._buf, ctypes.c_void_p))
        except Exception as exc:  # noqa: BLE001 - reported as the layer's reason when it is asked for
            self.error = f"{type(exc).__name__}: {exc}"[:200]

    def load(self) -> str:
        if self._prog is None:
            raise OSError(self.error or "no seccomp program")
        # needs no-new-privileges (a layer of pre_job), as the kernel requires without CAP_SYS_ADMIN
        _check(_libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(self._prog), 0, 0), "PR_SET_SECCOMP")
        return SECCOMP_NOTE


class _Fd:  # what libseccomp's export wants: an object with fileno()
    def __init__(self, fd: int):
        self.fd = fd

    def fileno(self) -> int:
        return self.fd


def job_layers(vm_at_fork: int, memory_mb: int, cpu_s: float, use_seccomp: bool = True,
               program: SeccompProgram | None = None) -> list[Layer]:
    """The job's own limits, then seccomp: `program` prepared before the job, or built now."""
    layers = [_layer("job-rlimits", job_rlimits, vm_at_fork, memory_mb, cpu_s)]
    if use_seccomp:
        layers.append(_layer("seccomp", (program or SeccompProgram()).load))
    return layers
