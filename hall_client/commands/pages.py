"""``hall-client pages``: profiles, prepare, check, package.

The commands are thin: they parse arguments, run the headless ``hall_client.pages`` functions
(``prepare`` through a process pool, one task per input file) and print results. Exit 0 done,
1 some input broke a rule (each problem printed naming the file), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hall_client.pages.encode import DEFAULT_ENCODER
from hall_client.pages.errors import PageError
from hall_client.pages.profiles import PageProfile, get_profile, list_profiles

EXIT_OK, EXIT_RULE, EXIT_USAGE = 0, 1, 2
#: Seconds one file may take in a worker before the batch gives up on it.
FILE_TIMEOUT = 120.0


def _print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _profile(args: argparse.Namespace) -> PageProfile | None:
    try:
        return get_profile(args.profile)
    except PageError as exc:
        print(f"错误 / error: {exc.message} [{exc.code}]", file=sys.stderr)
        return None


def cmd_profiles(args: argparse.Namespace) -> int:
    try:
        profiles = list_profiles()
    except PageError as exc:
        print(f"错误 / error: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_RULE
    if args.json:
        _print_json(
            [
                {
                    "name": p.name,
                    "title": p.title,
                    "description": p.description,
                    "max_bytes": p.max_bytes,
                    "long_side": list(p.long_side),
                    "short_side": list(p.short_side),
                    "aspect": p.aspect,
                    "sections": list(p.sections),
                }
                for p in profiles
            ]
        )
        return EXIT_OK
    for p in profiles:
        print(f"{p.name}\t{p.title}\t{p.description}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from hall_client.pages.validate import check_paths

    profile = _profile(args)
    if profile is None:
        return EXIT_USAGE
    pages, order = check_paths([Path(p) for p in args.paths], profile)
    problems = [v for page in pages for v in page.violations] + order
    if args.json:
        _print_json(
            {
                "profile": profile.name,
                "ok": not problems,
                "pages": [p.as_dict() for p in pages],
                "order": [v.as_dict() for v in order],
            }
        )
    else:
        for v in problems:
            print(f"{v.path}: [{v.rule}] {v.message}", file=sys.stderr)
        print(
            f"{len(pages)} 个文件，{len(problems)} 处不合规 / {len(pages)} files, "
            f"{len(problems)} problems"
        )
    return EXIT_RULE if problems else EXIT_OK


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _keep_freed_memory() -> None:
    """With glibc, take page-sized arrays from the heap and keep what is freed for the next
    page, instead of mapping fresh zeroed memory from the system for every array of every
    page (a tenth of a batch's CPU went to page faults). Workers forked later inherit it."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: up to 32 MB from the heap
    mallopt(-1, 512 << 20)  # M_TRIM_THRESHOLD: keep up to 512 MB freed


def _init_worker(cold: bool = False) -> None:
    import cv2

    cv2.setNumThreads(1)  # one process per core already
    if cold:  # a spawned worker inherits nothing: it pays the one-time costs here, once
        from hall_client.pages.pipeline import warm_up

        warm_up()


def _progress(done: int, total: int, name: str) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total} {Path(name).name[:40]:<40}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_prepare(args: argparse.Namespace) -> int:
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from hall_client.pages.decode import expand_inputs
    from hall_client.pages.pipeline import (
        FileResult,
        PageOptions,
        check_out_dir,
        run_one,
        warm_up,
        write_pages,
    )

    profile = _profile(args)
    if profile is None:
        return EXIT_USAGE
    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        print(f"错误 / error: --out {out_dir} 不是文件夹 / is not a folder", file=sys.stderr)
        return EXIT_USAGE
    files = expand_inputs([Path(p) for p in args.images])
    if not files:
        print("错误 / error: 没有输入文件 / no input files", file=sys.stderr)
        return EXIT_USAGE
    try:
        check_out_dir(out_dir)
    except PageError as exc:
        print(f"{exc.source}: [{exc.code}] {exc.message}", file=sys.stderr)
        return EXIT_RULE
    options = PageOptions(encoder=args.encoder, find_edges=not args.no_detect)
    _keep_freed_memory()
    jobs = max(1, min(args.jobs or os.cpu_count() or 1, len(files)))
    results: list[FileResult | None] = [None] * len(files)
    if jobs == 1:
        for i, f in enumerate(files):
            results[i] = run_one(str(f), profile, options)
            _progress(i + 1, len(files), str(f))
    else:
        import multiprocessing

        import cv2

        # fork is quickest (workers inherit the imported pipeline), but a child forked while
        # OpenCV's thread pool has run can deadlock: holding OpenCV to one thread first tears
        # the pool down. Without fork (Windows), spawn.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        threads = cv2.getNumThreads()
        cv2.setNumThreads(1)
        forked = context.get_start_method() == "fork"
        if forked:
            warm_up()  # once here rather than once in every worker
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            initializer=_init_worker,
            initargs=(not forked,),
            mp_context=context,
        )
        # Largest files first, so that no big one is left running alone at the end.
        order = sorted(range(len(files)), key=lambda i: -_size(files[i]))
        futures = {pool.submit(run_one, str(files[i]), profile, options): i for i in order}
        cv2.setNumThreads(threads)
        # A file that makes a decoder spin must not hang the batch: a generous deadline per
        # file, after which the stuck files are reported and the workers stopped.
        deadline = FILE_TIMEOUT * (len(files) / jobs + 1)
        stuck = False
        try:
            for done, fut in enumerate(as_completed(futures, timeout=deadline), 1):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:  # a worker died (killed, out of memory)
                    results[i] = FileResult(
                        str(files[i]),
                        error=PageError(
                            "worker_failed", "处理该文件的进程异常退出", repr(exc), str(files[i])
                        ),
                    )
                _progress(done, len(files), str(files[i]))
        except TimeoutError:
            stuck = True
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.terminate()
        finally:
            # Wait for the pool's own thread unless workers were stopped: left running, it
            # races the interpreter's exit for its wake-up pipe ("Exception ignored ... Bad
            # file descriptor" on stderr, now and then).
            pool.shutdown(wait=not stuck, cancel_futures=True)
        for i, r in enumerate(results):
            if r is None:
                results[i] = FileResult(
                    str(files[i]),
                    error=PageError(
                        "timeout",
                        "处理超时，文件可能异常",
                        f"no result within {deadline:.0f} s",
                        str(files[i]),
                    ),
                )
    finished = [r for r in results if r is not None]
    try:
        written = write_pages(finished, profile, out_dir)
    except PageError as exc:
        print(f"{exc.source}: [{exc.code}] {exc.message}", file=sys.stderr)
        return EXIT_RULE
    errors = [r.error for r in finished if r.error is not None]
    if args.json:
        _print_json(
            {
                "profile": profile.name,
                "out": str(out_dir),
                "ok": not errors,
                "pages": [dict(page.as_dict(), output=str(path)) for page, path in written],
                "errors": [e.as_dict() for e in errors],
            }
        )
    else:
        for page, path in written:
            enc = page.encoded
            note = "；".join(page.warnings)
            print(
                f"{path.name} <- {page.label}  {enc.width}×{enc.height} {enc.size} B "
                f"q{enc.quality} {enc.colour} conf {page.confidence:.2f}"
                f"{'  ' + note if note else ''}"
            )
    for err in errors:
        print(f"{err.source}: [{err.code}] {err.message}", file=sys.stderr)
    if not args.json:
        print(
            f"{len(written)} 页已生成，{len(errors)} 个文件有问题 / {len(written)} pages written, "
            f"{len(errors)} files failed"
        )
    return EXIT_RULE if errors else EXIT_OK


def cmd_package(args: argparse.Namespace) -> int:
    from hall_client.pages.package import package_project

    profile = _profile(args)
    if profile is None:
        return EXIT_USAGE
    sections = []
    for spec in args.section:
        name, sep, folder = spec.partition("=")
        if not sep or not name or not folder:
            print(
                f"错误 / error: --section 应写成 名称=文件夹 / NAME=DIR, got {spec!r}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        sections.append((name, Path(folder)))
    result = package_project(profile, args.project, Path(args.out), sections, args.listed)
    if args.json:
        _print_json(
            {
                "ok": not result.violations,
                "folder": str(result.folder or ""),
                "manifest": result.manifest,
                "violations": [v.as_dict() for v in result.violations],
            }
        )
    for v in result.violations:
        print(f"{v.path}: [{v.rule}] {v.message}", file=sys.stderr)
    if result.violations:
        return EXIT_RULE
    if not args.json:
        print(f"已打包 / packed: {result.folder}")
    return EXIT_OK


def cmd_capture(args: argparse.Namespace) -> int:
    from hall_client.pages.camera import Camera, StillDetector, auto_capture
    from hall_client.pages.decode import SourceImage
    from hall_client.pages.pipeline import FileResult, PageOptions, prepare_source, write_pages

    profile = _profile(args)
    if profile is None:
        return EXIT_USAGE
    source = int(args.camera) if args.camera.isdigit() else args.camera
    try:
        with Camera(source) as cam:
            print(f"{cam.info.backend} {cam.info.width}×{cam.info.height}", file=sys.stderr)
            shots = auto_capture(
                cam,
                StillDetector(still_frames=args.still_frames),
                limit=args.limit,
                max_frames=args.max_frames,
            )
    except PageError as exc:
        print(f"{exc.source}: [{exc.code}] {exc.message}", file=sys.stderr)
        return EXIT_RULE
    options = PageOptions(encoder=args.encoder)
    results = []
    for n, frame in enumerate(shots, 1):
        label = f"{args.camera}#{n}"
        try:
            page = prepare_source(SourceImage(label, 0, frame, "camera"), profile, None, options)
            results.append(FileResult(label, [page]))
        except PageError as exc:
            results.append(FileResult(label, error=exc.with_source(label)))
    try:
        written = write_pages(results, profile, Path(args.out))
    except PageError as exc:
        print(f"{exc.source}: [{exc.code}] {exc.message}", file=sys.stderr)
        return EXIT_RULE
    errors = [r.error for r in results if r.error is not None]
    if args.json:
        _print_json(
            {
                "profile": profile.name,
                "out": args.out,
                "ok": not errors,
                "pages": [dict(p.as_dict(), output=str(path)) for p, path in written],
                "errors": [e.as_dict() for e in errors],
            }
        )
    else:
        for page, path in written:
            print(f"{path.name} <- {page.label}  {page.encoded.size} B q{page.encoded.quality}")
    for err in errors:
        print(f"{err.source}: [{err.code}] {err.message}", file=sys.stderr)
    return EXIT_RULE if errors else EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("pages", help="document pages: prepare, check, package (页面材料)")
    pages_sub = parser.add_subparsers(dest="pages_command", metavar="PAGES_COMMAND")
    parser.set_defaults(func=lambda args: (parser.print_help(sys.stderr), EXIT_USAGE)[1])

    p = pages_sub.add_parser("profiles", help="list page-rule profiles")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_profiles)

    p = pages_sub.add_parser("prepare", help="photos or scans to compliant pages 0001.jpg…")
    p.add_argument("--profile", required=True, help="profile name or file")
    p.add_argument("--out", required=True, help="folder for the pages")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: every core)")
    p.add_argument(
        "--encoder", choices=("turbo", "turbo-progressive", "mozjpeg"), default=DEFAULT_ENCODER
    )
    p.add_argument("--no-detect", action="store_true", help="take each image as already cropped")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image or PDF files, or folders")
    p.set_defaults(func=cmd_prepare)

    p = pages_sub.add_parser("package", help="one folder per project, one zip per section")
    p.add_argument("--profile", required=True, help="profile name or file")
    p.add_argument("--project", required=True, help="the project's full name")
    p.add_argument("--out", required=True, help="folder in which the project folder is made")
    p.add_argument(
        "--section",
        action="append",
        required=True,
        metavar="NAME=DIR",
        help="a section and the folder of its pages; repeat per section",
    )
    p.add_argument(
        "--listed",
        action="append",
        default=[],
        metavar="TEXT",
        help="an original listed but not scanned (e.g. drawings); repeatable",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_package)

    p = pages_sub.add_parser("capture", help="auto-capture pages from a document camera")
    p.add_argument("--camera", required=True, help="device index (0, 1…), video file or URL")
    p.add_argument("--profile", required=True, help="profile name or file")
    p.add_argument("--out", required=True, help="folder for the pages")
    p.add_argument("--limit", type=int, default=0, help="stop after N pages (0: until the end)")
    p.add_argument("--max-frames", type=int, default=0, help="stop after N frames (0: no bound)")
    p.add_argument("--still-frames", type=int, default=8, help="frames at rest before a capture")
    p.add_argument(
        "--encoder", choices=("turbo", "turbo-progressive", "mozjpeg"), default=DEFAULT_ENCODER
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_capture)

    p = pages_sub.add_parser("check", help="check page files against a profile")
    p.add_argument("--profile", required=True, help="profile name or file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files or folders")
    p.set_defaults(func=cmd_check)
