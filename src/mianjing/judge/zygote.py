"""The zygote: a fresh interpreter that imports torch once and forks hardened workers.

Started by the controller as `python -m mianjing.judge.zygote FD` before the controller loads any
reference, test or submission, so nothing secret is in the memory its children inherit. It never
sees a job's bytes: the controller hands it one end of a socketpair (SCM_RIGHTS), the worker keeps
it, and the zygote only answers with the worker's pid.
"""

from __future__ import annotations

import os

# one thread everywhere before torch starts any pool: a child forked after a multi-thread OpenMP
# pool started hangs on its first parallel op
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"

import json  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

# Modules a submission may import: loaded now, because the worker can no longer read most files.
PRELOAD = [
    "collections", "heapq", "bisect", "itertools", "functools", "math", "cmath", "re", "typing",
    "dataclasses", "string", "operator", "copy", "random", "statistics", "fractions", "decimal",
    "array", "queue", "enum", "abc", "numbers", "struct", "time", "traceback",
    "numpy", "torch", "torch.nn", "torch.nn.functional", "torch.nn.init",
]


def warm_up() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    try:
        # loaded here: on import it looks for libc by running a compiler, which the worker cannot
        import pyseccomp  # noqa: F401
    except Exception:  # noqa: BLE001 - no seccomp on this platform: doctor reports it
        pass
    import torch

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    x = torch.randn(8, 16, requires_grad=True)
    w = torch.randn(16, 16, requires_grad=True)
    y = torch.softmax(x @ w / 4.0, dim=-1)
    (y * torch.randn_like(y)).sum().backward()
    torch.nn.functional.layer_norm(x, (16,))
    from . import harden, harness, structures, wire, worker  # noqa: F401 - load the worker side now

    # submodules loaded lazily on first access (numpy.fft, torch.distributions): once here, or every
    # job's guards pay for the import (about 20 ms); the list is kept for the workers
    worker.attr_namespaces()
    import gc

    # everything loaded so far lives as long as the worker: keep it out of the cyclic collector, or
    # each full collection walks torch's ~10^5 objects (building 10^5 list nodes then takes 5x longer)
    gc.freeze()


STALE_UNNAMED_S = 3600  # a directory of the older form (no pid in its name) untouched this long is left over


def remove_stale_dirs(root: str | None = None) -> list[str]:
    """Remove `mianjing-judge-*` directories of this user whose zygote is gone. Returns them."""
    import time

    root = root or tempfile.gettempdir()
    removed = []
    try:
        names = [n for n in os.listdir(root) if n.startswith("mianjing-judge-")]
    except OSError:
        return removed
    for name in names:
        path = os.path.join(root, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if st.st_uid != os.getuid() or not os.path.isdir(path) or os.path.islink(path):
            continue
        owner = name[len("mianjing-judge-"):].split("-", 1)[0]
        if owner.isdigit() and name.count("-") >= 3:
            if _alive(int(owner)):
                continue
        elif time.time() - st.st_mtime < STALE_UNNAMED_S:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap(tmp_of: dict[int, str]) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        tmp = tmp_of.pop(pid, None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def worker_main(job_fd: int, tmp: str, slot: int, ctl: socket.socket, use_seccomp: bool) -> None:
    """In the forked child: harden, say hello (layers), then serve one job. Never returns."""
    code = 0
    try:
        ctl.close()
        from . import harden, wire, worker

        vm = harden.vm_size_bytes()  # before Landlock hides /proc
        harden.fixed_mmap_threshold()
        layers = harden.pre_job(job_fd, tmp, slot)
        program = harden.SeccompProgram() if use_seccomp else None  # compiled now, loaded with the job
        wire.send(job_fd, "hello", {"layers": [str(layer) for layer in layers], "pid": os.getpid()})

        def apply_job_limits(job: dict) -> list[str]:
            import tempfile

            tempfile.tempdir = harden.worker_tmp(tmp)
            job_layers = harden.job_layers(vm, int(job["memory_limit_mb"]), float(job["cpu_limit_s"]), use_seccomp,
                                           program)
            failed = [str(layer) for layer in job_layers if not layer.on and layer.name == "job-rlimits"]
            if failed:  # without limits a submission could take the machine: refuse to run it
                raise RuntimeError("; ".join(failed))
            return [str(layer) for layer in job_layers]

        worker.serve(job_fd, apply_job_limits)
    except BaseException:  # noqa: BLE001 - nothing here may reach the zygote's code path
        code = 70
        debug = os.environ.get("MIANJING_JUDGE_DEBUG")
        if debug:  # a developer's aid: where a worker died before it could report
            import traceback

            with open(debug, "a") as f:
                f.write(traceback.format_exc())
    finally:
        os._exit(code)


def main() -> None:
    ctl_fd = int(sys.argv[1])
    use_seccomp = os.environ.get("MIANJING_NO_SECCOMP") != "1"
    ctl = socket.socket(fileno=ctl_fd)
    warm_up()
    remove_stale_dirs()
    # the zygote's pid in the name: a later zygote can tell a directory whose owner died (SIGKILL,
    # power loss) from one in use, and removes it
    tmp_root = tempfile.mkdtemp(prefix=f"mianjing-judge-{os.getpid()}-")
    os.chmod(tmp_root, 0o711)  # a worker with its own uid must reach its /tmp below, not list others
    tmp_of: dict[int, str] = {}
    slot = 0
    ctl.sendall(b'{"ready": true}\n')
    try:
        while True:
            msg, fds, _flags, _addr = socket.recv_fds(ctl, 4096, 1)
            if not msg:
                break  # the controller went away: so do we
            req = json.loads(msg)
            if req.get("op") != "spawn" or len(fds) != 1:
                for fd in fds:
                    os.close(fd)
                continue
            reap(tmp_of)
            slot += 1
            tmp = os.path.join(tmp_root, f"w{slot}")
            os.mkdir(tmp, 0o700)
            pid = os.fork()
            if pid == 0:
                worker_main(fds[0], tmp, slot, ctl, use_seccomp)
            os.close(fds[0])
            tmp_of[pid] = tmp
            ctl.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    finally:
        for pid in list(tmp_of):
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        shutil.rmtree(tmp_root, ignore_errors=True)


if __name__ == "__main__":
    main()
