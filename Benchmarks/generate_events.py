#!/usr/bin/env python3
"""Write a deterministic, realistic NDJSON drop of N events of one agency for 2024.

Usage: generate_events.py N AGENCY > file.ndjson
Titles are Vietnamese, dates spread over 2024, types mixed like a year of real reports.
"""
import json, random, sys

n, agency = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2024)
channels = ["portal", "website", "newspaper", "radio", "television", "loudspeaker", "zalo", "facebook", "youtube", "bulletin"]
forms = ["training", "workshop", "conference", "performance", "video", "mobile-propaganda", "poster", "leaflet"]
subjects = ["cải cách hành chính", "dịch vụ công trực tuyến", "chuyển đổi số", "Chỉ số PAR Index", "văn hóa công vụ", "một cửa liên thông"]
out = sys.stdout
for i in range(1, n + 1):
    day = rng.randrange(0, 350)
    month, dom = 1 + day // 30, 1 + day % 28
    date = f"2024-{month:02d}-{dom:02d}"
    kind = rng.random()
    if kind < 0.6:
        event = {"type": "article.published", "data": {"title": f"Tin số {i}: tuyên truyền {rng.choice(subjects)} tại cơ sở",
                                                        "channel": rng.choice(channels), "outlet": "Bản tin địa phương"}}
    elif kind < 0.85:
        event = {"type": "activity.held", "data": {"form": rng.choice(forms), "title": f"Hoạt động {i} về {rng.choice(subjects)}",
                                                   "participants": rng.randrange(5, 500)}}
    elif kind < 0.95:
        respondents = rng.randrange(20, 400)
        event = {"type": "survey.submitted", "data": {"kind": "awareness", "audience": rng.choice(["officials", "citizens", "businesses"]),
                                                      "respondents": respondents, "aware": rng.randrange(0, respondents + 1)}}
    else:
        denominator = rng.randrange(10, 300)
        event = {"type": "indicator.reported", "data": {"indicator": rng.choice(["staff-trained", "online-procedures"]),
                                                        "numerator": rng.randrange(0, denominator + 1), "denominator": denominator}}
    event = {"id": f"{agency}-{i:07d}", "type": event["type"], "occurred_at": date, "data": event["data"]}
    out.write(json.dumps(event, ensure_ascii=False) + "\n")
