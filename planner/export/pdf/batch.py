"""Personal itineraries for many participants at once, in worker processes.

The trip is read from the database once; each worker process receives the
plain records once (at start-up) and then only a membership id per document.
Workers are started with "spawn", never forked: the GUI calls this with Qt's
threads running, and forking a threaded process can deadlock.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.export.language import parse_language
from planner.export.own_travel import travel_texts
from planner.export.pdf import qr
from planner.export.pdf.filenames import FileNamer, itinerary_stem, output_folder
from planner.export.pdf.layout import Paper, paper
from planner.export.pdf.personal import map_codes, personal_document
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.services import issuing
from planner.domain.members import Member
from planner.domain.trip_bundle import TripBundle

#: Below this many documents, starting worker processes costs more than it saves.
MIN_PARALLEL = 6
AUTO = "auto"

Progress = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class _Job:
    membership_id: int
    target: Path
    language: Language | None  # None: the participant's own
    bilingual_with: Language | None
    paper: Paper
    issued: date
    version: int | None = None  # the issued version the document belongs to


def export_personal_pdfs(
    db: Database, trip_id: int, out_dir: str | os.PathLike[str], membership_ids: Iterable[int] | None = None, *,
    language: Language | str = AUTO, bilingual_with: Language | str | None = None, paper: Paper | str = Paper.A4,
    progress: Progress | None = None, workers: int = 2, issued: date | None = None, issue: bool = False,
) -> list[Path]:
    """Write one itinerary per participant (all, or those in `membership_ids`) into `out_dir`.

    `language` "auto" prints each in the participant's own language. `progress`
    is called with (done, total) after each file; returning False stops the
    export, and the files written so far are returned.

    Only with `issue` are the documents the trip's next issued version: they
    say "Version N of <date>", and the version is recorded for the
    participants whose document was written, each in the language of their
    document (the first of a bilingual one; planner.services.issuing).
    Issuing is an explicit act (`planner issue`, "Issue as version N" in the
    window): a copy made for a look or for one person must not become the
    printout the planner believes everyone holds.
    """
    view = TripView.load(db, trip_id)
    members = [view.member(i) for i in membership_ids] if membership_ids is not None else list(view.members)
    folder = output_folder(out_dir)
    number = issuing.next_number(db, trip_id) if issue and members else None
    jobs = _jobs(members, folder, language, bilingual_with, paper, issued or date.today(), number)
    if not jobs:
        return []
    with _settled():
        if workers <= 1 or len(jobs) < MIN_PARALLEL:
            written = _serial(view, jobs, progress)
        else:
            written = _parallel(view, jobs, progress, min(workers, len(jobs)))
    if number is not None and written:
        _record(db, view, jobs, written, number)
    return written


@contextmanager
def _settled() -> Iterator[None]:
    """What exists now (the trip, the fonts, the modules) is left out of the garbage collector's rounds meanwhile.

    A document makes hundreds of thousands of short-lived objects, so the collector runs
    every few milliseconds, and each round of the oldest generation walked the whole trip
    too: a tenth of an itinerary's time. Frozen objects are still freed once thawed.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _record(db: Database, view: TripView, jobs: list[_Job], written: list[Path], number: int) -> None:
    """Issue version `number` to the participants whose document was written, in their document's language."""
    done = set(written)
    languages = {
        job.membership_id: job.language or view.member(job.membership_id).person.preferred_language
        for job in jobs if job.target in done
    }
    issuing.issue(db, view.trip.id or 0, languages, bundle=view.bundle, number=number, travel=travel_texts)


def _language(value: Language | str | None, field: str) -> Language | None:
    return None if value is None or value == AUTO else parse_language(value, field)


def _jobs(
    members: list[Member], folder: Path, language: Language | str, bilingual_with: Language | str | None,
    size: Paper | str, issued: date, version: int | None = None,
) -> list[_Job]:
    lang = _language(language, "language")
    second = _language(bilingual_with, "bilingual_with")
    chosen = paper(size)
    namer = FileNamer()
    return [_Job(m.id, folder / namer.name(itinerary_stem(m), ".pdf"), lang, second, chosen, issued, version) for m in members]


def _write(view: TripView, job: _Job) -> Path:
    data = personal_document(
        view, job.membership_id, language=job.language, bilingual_with=job.bilingual_with, paper=job.paper, issued=job.issued,
        version=job.version,
    )
    write_atomically(job.target, data, private=True)
    return job.target


def _serial(view: TripView, jobs: list[_Job], progress: Progress | None) -> list[Path]:
    written: list[Path] = []
    for job in jobs:
        written.append(_write(view, job))
        if not _report(progress, len(written), len(jobs)):
            break
    return written


# --- worker processes --------------------------------------------------------------------------

_worker_view: TripView | None = None


def _start_worker(bundle: TripBundle) -> None:
    """Runs once in each worker: keep the trip and register the font before the first document."""
    global _worker_view  # noqa: PLW0603 - per-process state of a worker, set once at its start
    from planner.export.pdf.fonts import register_fonts

    register_fonts()
    _worker_view = TripView(bundle)
    gc.freeze()  # the trip and the modules stay for the worker's life: not walked by the collector (see _settled)


def _work(job: _Job, codes: dict[tuple[str, float], str]) -> Path:
    """One document in a worker, with the QR codes the batch has drawn for it (see _parallel)."""
    assert _worker_view is not None
    qr.share(codes)
    return _write(_worker_view, job)


def _parallel(view: TripView, jobs: list[_Job], progress: Progress | None, workers: int) -> list[Path]:
    """Workers take jobs from the front of the queue; meanwhile this process takes jobs from the back.

    This process is otherwise idle and is warm while the workers are still
    starting, so a batch finishes sooner. Only a few jobs are handed to the
    pool at a time, so the rest can still be taken here, and no document is
    made twice. If the pool breaks (workers cannot start), this process
    finishes the batch alone.

    The QR codes of a document go with it: this process encodes each venue's
    code once (map_codes, cached here) and every process draws it from there.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(view.bundle,))
    queue = deque(jobs)
    running: dict[Future[Path], _Job] = {}
    written: dict[Path, None] = {}
    usable = True

    def record(path: Path) -> bool:
        written[path] = None
        return _report(progress, len(written), len(jobs))

    try:
        while queue or running:
            while usable and queue and len(running) < 2 * workers:
                try:
                    job = queue.popleft()
                    running[pool.submit(_work, job, map_codes(view, job.membership_id))] = job
                except BrokenProcessPool:
                    queue.appendleft(job)
                    usable = False
            if queue and not record(_write(view, queue.pop())):
                break
            finished, _ = wait(running, timeout=0 if queue else None, return_when=FIRST_COMPLETED)
            if not all(record(_result(view, future, running.pop(future))) for future in finished):
                break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    # Documents still under way when the export was stopped are finished by now: report them too.
    for future in running:
        if future.done() and not future.cancelled() and future.exception() is None:
            written[future.result()] = None
    order = {job.target: index for index, job in enumerate(jobs)}
    return sorted(written, key=order.__getitem__)


def _result(view: TripView, future: Future[Path], job: _Job) -> Path:
    try:
        return future.result()
    except BrokenProcessPool:
        # The workers could not start or died, not through an error of the document: make it here.
        return _write(view, job)


def _report(progress: Progress | None, done: int, total: int) -> bool:
    return progress is None or bool(progress(done, total))
