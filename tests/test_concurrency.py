"""Parallel use of the service layer: 20 simultaneous submissions, resubmissions of one submission and
co-signing decisions, on SQLite (WAL, busy timeout, BEGIN IMMEDIATE) and on PostgreSQL when installed.
Nothing may be lost or duplicated, and the audit chain must stay one unbroken chain."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from review.store.models import AuditEntry, FindingRow, Submission, Version, VersionDocument
from review.workflow import WorkflowError
from tests.pgcluster import fresh_database, postgres_cluster
from tests.wf_support import CLEAN, PASSWORD, SCRIPT_CLEAN, SCRIPT_V1, add_people, cheap_hasher, make_service, upload

N = 20


@pytest.fixture(scope="module")
def pg_server():
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def svc(request, tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    url = fresh_database(request.getfixturevalue("pg_server")) if request.param == "postgresql" else None
    service = make_service(tmp_path, url=url)
    yield service
    service.db.engine.dispose()


def parallel(func, args: list) -> tuple[list, float]:
    """Run func over args on one thread each, released together by a barrier; results in order, wall time."""
    barrier = threading.Barrier(len(args))

    def released(arg):
        barrier.wait(timeout=60)
        return func(arg)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(args)) as pool:
        results = list(pool.map(released, args))
    return results, time.perf_counter() - start


def count(svc, model, *where) -> int:
    with svc.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_twenty_parallel_submissions_nothing_lost_nothing_duplicated(svc):
    people = add_people(svc)
    svc.submit(people.planner, upload(SCRIPT_CLEAN), "预热")  # load the checklist and NLP once
    per_version = count(svc, FindingRow)
    entries_before = svc.audit_verify().entries
    texts = [SCRIPT_V1 + f"主播：第{i}号链接，{CLEAN}\n" for i in range(N)]  # distinct content per upload

    def one(i):
        who = people.planner if i % 2 else people.planner2
        return svc.submit(who, upload(texts[i], f"脚本{i}.txt"), f"并发提交 {i}")

    results, wall = parallel(one, list(range(N)))
    print(f"\n[{svc.db.dialect}] {N} parallel submissions: {wall:.2f} s wall")
    ids = [r.id for r in results]
    assert len(set(ids)) == N and all(r.version == 1 and r.verdict == "fail" for r in results)
    assert count(svc, Submission) == N + 1 and count(svc, Version) == N + 1
    assert count(svc, VersionDocument) == N + 1
    titles = {s.title for s in svc.list_submissions(people.auditor)}
    assert titles == {f"并发提交 {i}" for i in range(N)} | {"预热"}
    for r in results:
        view = svc.get_submission(people.legal, r.id).current
        assert view.documents[0].text.startswith("直播日期") and view.summary == r.summary
        assert svc.document_bytes(people.legal, view.id, view.documents[0].name) in {t.encode() for t in texts}
    assert count(svc, FindingRow) > per_version
    check = svc.audit_verify()
    assert check.ok and check.entries == entries_before + 2 * N  # submit + check per upload, one chain


def test_parallel_resubmissions_get_distinct_consecutive_versions(svc):
    people = add_people(svc)
    first = svc.submit(people.planner, upload(SCRIPT_V1), "同一个提交")
    results, wall = parallel(lambda i: svc.submit(people.planner, upload(SCRIPT_V1 + f"补充{i}\n"), f"第{i}次修改",
                                                  supersedes=first.id), list(range(N)))
    print(f"\n[{svc.db.dialect}] {N} parallel resubmissions of one submission: {wall:.2f} s wall")
    assert sorted(r.version for r in results) == list(range(2, N + 2))
    view = svc.get_submission(people.legal, first.id)
    assert view.summary.current_version == N + 1
    assert [v.outcome for v in view.versions] == ["superseded"] * N + [None]
    assert svc.audit_verify().ok


def test_parallel_decisions_of_one_department_are_recorded_once(svc):
    people = add_people(svc)
    legal2 = svc.add_user(None, "legal2", "reviewer", "correct horse battery", department="法务")
    market2 = svc.add_user(None, "market2", "reviewer", "correct horse battery", department="市场")
    clean = svc.submit(people.planner, upload(SCRIPT_CLEAN), "会签")
    deciders = [people.legal, legal2, people.market, market2] * 3

    def decide(user):
        try:
            return svc.decide(user, clean.id, approve=True, password=PASSWORD, comment=f"{user.name} 同意").department
        except WorkflowError as exc:
            return exc.code

    outcomes, _ = parallel(decide, deciders)
    assert sorted(o for o in outcomes if o in ("法务", "市场")) in (["法务"], ["市场", "法务"], ["法务", "市场"])
    assert outcomes.count("法务") == 1 and outcomes.count("市场") <= 1
    assert set(outcomes) - {"法务", "市场"} <= {"already_decided", "bad_state"}
    view = svc.get_submission(people.auditor, clean.id)
    assert view.summary.status == "approved"
    assert sorted(d.department for d in view.current.decisions) == sorted(o for o in outcomes if o in ("法务", "市场"))
    with svc.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "decision")) == len(
            view.current.decisions)
    assert svc.audit_verify().ok
