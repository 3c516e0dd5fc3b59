#!/usr/bin/env python3
"""Writes a deterministic, realistic drop of N events spread over 2024 for the benchmark.

Usage: generate_drop.py N OUTDIR
Writes OUTDIR/registry.ndjson (nine commune committees, so that with the bundled plan about
40 agencies report), OUTDIR/drop.ndjson (N events of every activity type, with corrections
and retractions, Vietnamese titles, each naming its agency), and OUTDIR/rows.tsv (the same
rows, data in canonical JSON, for the C baseline).
"""
import json, os, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = random.Random(2024)
communes = [f"UBND-XA{i}" for i in range(1, 10)]
with open(os.path.join(out, "registry.ndjson"), "w", encoding="utf-8") as f:
    for code in communes:
        f.write(json.dumps({"id": f"bench-reg-{code}", "type": "agency.registered", "agency": "UBND", "occurred_at": "2024-01-02",
                            "data": {"code": code, "name": f"UBND xã thử nghiệm {code[-1]}", "kind": "commune", "parent": "UBND-MX"}},
                           ensure_ascii=False) + "\n")
districts = ["UBND-TPST", "UBND-VC", "UBND-NN", "UBND-CT", "UBND-KS", "UBND-MT", "UBND-CLD", "UBND-LP", "UBND-MX", "UBND-TT", "UBND-TD"]
agencies = ["BST", "DPTTH", "SNV", "STTTT", "SVHTTDL", "SKHDT", "SGDDT", "STC", "VPUBND", "TTRA", "BQLKCN", "CTTDT", "TTPVHCC",
            "BQLDA2", "CAT", "BHXH", "MTTQ", "TDTN", "TCT"] + districts + communes
channels = ["portal", "website", "newspaper", "radio", "television", "loudspeaker", "zalo", "facebook", "youtube", "bulletin", "publication", "other"]
forms = ["training", "workshop", "conference", "performance", "video", "mobile-propaganda", "business-dialogue", "study-tour",
         "poster", "leaflet", "procedure-listing", "meeting-integration", "contest-launch", "other"]
subjects = ["cải cách hành chính", "dịch vụ công trực tuyến", "chuyển đổi số", "Chỉ số PAR Index", "văn hóa công vụ", "một cửa liên thông"]
canonical = lambda d: json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
recent = {a: [] for a in agencies}   # (id, type) of earlier events, for corrections and retractions
with open(os.path.join(out, "drop.ndjson"), "w", encoding="utf-8") as drop, open(os.path.join(out, "rows.tsv"), "w", encoding="utf-8") as rows:
    for i in range(1, n + 1):
        agency = agencies[i % len(agencies)]
        day = rng.randrange(0, 350)
        date = f"2024-{1 + day // 30:02d}-{1 + day % 28:02d}"
        roll = rng.random()
        corrects = None
        if roll < 0.50:
            kind, data = "article.published", {"title": f"Tin {i}: tuyên truyền {rng.choice(subjects)}", "channel": rng.choice(channels),
                                               "outlet": "Bản tin cơ sở"}
        elif roll < 0.75:
            kind, data = "activity.held", {"form": rng.choice(forms), "title": f"Hoạt động {i} về {rng.choice(subjects)}",
                                           "participants": rng.randrange(5, 500)}
        elif roll < 0.85:
            respondents = rng.randrange(20, 400)
            kind, data = "survey.submitted", {"kind": "awareness", "audience": rng.choice(["officials", "citizens", "businesses"]),
                                              "respondents": respondents, "aware": rng.randrange(0, respondents + 1)}
        elif roll < 0.87:
            kind, data = "survey.submitted", {"kind": "contest-feedback", "contest": "HT-CCHC-2023", "assessment": "Thiết thực",
                                              "recommendation": rng.choice(["continue-contest", "other-form"])}
        elif roll < 0.93:
            denominator = rng.randrange(10, 300)
            kind, data = "indicator.reported", {"indicator": rng.choice(["staff-trained", "online-procedures"]),
                                                "numerator": rng.randrange(0, denominator + 1), "denominator": denominator}
        elif roll < 0.95:
            kind, data = "report.submitted", {"period": rng.choice(["2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-9M", "2024"])}
        elif roll < 0.96:
            kind, data = "contest.held", {"title": f"Hội thi {i}", "start": date, "end": date, "participants": rng.randrange(10, 200)}
        elif roll < 0.98 and recent[agency] and recent[agency][-1][1] == "article.published":
            kind, data, corrects = "article.published", {"title": f"Tin {i} (đính chính)", "channel": rng.choice(channels)}, recent[agency][-1][0]
        elif recent[agency]:
            kind, data = "event.retracted", {"event": recent[agency].pop(rng.randrange(len(recent[agency])))[0], "reason": "Gửi nhầm"}
        else:
            kind, data = "article.published", {"title": f"Tin {i}", "channel": "website"}
        event_id = f"bench-{i:07d}"
        event = {"id": event_id, "type": kind, "agency": agency, "occurred_at": date}
        if corrects:
            event["corrects"] = corrects
        event["data"] = data
        drop.write(json.dumps(event, ensure_ascii=False) + "\n")
        rows.write("\t".join([agency, event_id, kind, date, canonical(data)]) + "\n")
        if kind != "event.retracted":
            recent[agency].append((event_id, kind))
            if len(recent[agency]) > 20:
                recent[agency].pop(0)
