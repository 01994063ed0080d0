//! `geodata/bases.csv`: industrial bases a planner can extend without code.
//!
//! Columns: `name_zh,name_en,host_adcode,kind,approved,industries,lon,lat,crs,source`.
//! `industries` is a `;`-separated list of industry ids; `lon`/`lat` are optional and, when given,
//! need `crs` (`WGS84` points are converted to GCJ-02); without them the base stands at its host
//! county-level unit's point and is marked approximate. `source` is required.

use std::path::Path;

use atlas_core::geo::crs::wgs84_to_gcj02;
use atlas_core::{Base, BaseKind, Bounds};
use serde::Deserialize;

use crate::error::BuildError;
use crate::geodata::CountyPoint;

/// One row as written.
#[derive(Debug, Clone, Deserialize)]
struct BaseRow {
    name_zh: String,
    name_en: String,
    host_adcode: String,
    kind: BaseKind,
    approved: Option<u16>,
    industries: String,
    lon: Option<f64>,
    lat: Option<f64>,
    crs: Option<String>,
    source: String,
}

/// Reads and checks the bases file against the county points, the industries and the province's
/// extent; returns the bases with their points in GCJ-02.
pub fn read_bases(
    path: &Path,
    counties: &[CountyPoint],
    industries: &[&str],
    province: Bounds,
) -> Result<Vec<Base>, BuildError> {
    let text = crate::read_text(path)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut bases = Vec::new();
    for (index, record) in reader.deserialize::<BaseRow>().enumerate() {
        let row = index + 2;
        let row_data = record.map_err(|e| BuildError::Syntax {
            path: path.to_path_buf(),
            message: format!("row {row}: {e}"),
        })?;
        let fail = |problem: String| BuildError::Base {
            path: path.to_path_buf(),
            row,
            name: row_data.name_zh.clone(),
            problem,
        };
        if row_data.name_zh.trim().is_empty() || row_data.name_en.trim().is_empty() {
            return Err(fail("both names are required".to_string()));
        }
        if row_data.source.trim().is_empty() {
            return Err(fail(
                "a source is required: ship only bases you can cite".to_string(),
            ));
        }
        let host = counties
            .iter()
            .find(|c| c.adcode == row_data.host_adcode)
            .ok_or_else(|| {
                fail(format!(
                    "host {} is not a county-level unit of the county points file",
                    row_data.host_adcode
                ))
            })?;
        let ids: Vec<String> = row_data
            .industries
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if ids.is_empty() {
            return Err(fail("list at least one industry id".to_string()));
        }
        if let Some(unknown) = ids.iter().find(|i| !industries.contains(&i.as_str())) {
            return Err(fail(format!(
                "industry {unknown:?} is not one of seeds/industries.toml"
            )));
        }
        let (point, approximate) = match (row_data.lon, row_data.lat) {
            (None, None) => (host.point, true),
            (Some(lon), Some(lat)) => {
                let point = match row_data.crs.as_deref() {
                    Some("WGS84") => wgs84_to_gcj02([lon, lat]),
                    Some("GCJ-02") => [lon, lat],
                    other => {
                        return Err(fail(format!(
                            "crs must be WGS84 or GCJ-02 when lon/lat are given, not {other:?}"
                        )));
                    }
                };
                let inside = (province.west..=province.east).contains(&point[0])
                    && (province.south..=province.north).contains(&point[1]);
                if !inside {
                    return Err(fail(format!("point ({lon}, {lat}) lies outside Jiangsu")));
                }
                (point, false)
            }
            _ => return Err(fail("give both lon and lat, or neither".to_string())),
        };
        let round = |v: f64| (v * 1e4).round() / 1e4;
        bases.push(Base {
            name_zh: row_data.name_zh.clone(),
            name_en: row_data.name_en.clone(),
            host: host.adcode.clone(),
            city: host.city.clone(),
            kind: row_data.kind,
            approved: row_data.approved,
            industries: ids,
            point: [round(point[0]), round(point[1])],
            approximate,
            source: row_data.source.clone(),
        });
    }
    Ok(bases)
}
