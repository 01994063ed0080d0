//! The two languages of the interface and every string it shows. Plan quotes stay Chinese in
//! both; names come from the bundle in either language.

use crate::model::facts::{BaseKind, Role};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code used in URLs and in the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language a code names, if any.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Chooses between a Chinese and an English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A section of the plan as cited: `四(二)` in Chinese, `4(2)` in English.
    pub fn section(self, section: &str) -> String {
        match self {
            Lang::Zh => section.to_string(),
            Lang::En => {
                let mut out = String::new();
                let mut numeral = String::new();
                for c in section.chars().chain(std::iter::once('\0')) {
                    match chinese_digit(c) {
                        Some(_) => numeral.push(c),
                        None => {
                            if !numeral.is_empty() {
                                out.push_str(&chinese_number(&numeral).to_string());
                                numeral.clear();
                            }
                            if c != '\0' {
                                out.push(c);
                            }
                        }
                    }
                }
                out
            }
        }
    }

    /// A role's name.
    pub fn role(self, role: Role) -> &'static str {
        match role {
            Role::Signature => self.pick("标志性产业", "Signature industry"),
            Role::Focus => self.pick("重点", "Focus"),
            Role::Support => self.pick("支撑", "Support"),
            Role::Pilot => self.pick("试点示范", "Pilot"),
        }
    }

    /// An interface string.
    pub fn text(self, msg: Msg) -> &'static str {
        use Msg::*;
        let (zh, en) = match msg {
            Title => ("江苏战略性新兴产业布局图", "Jiangsu Industry Atlas"),
            Subtitle => ("“十二五”规划 2011–2015", "12th Five-Year Plan 2011–2015"),
            Loading => ("正在加载地图数据…", "Loading the atlas data…"),
            LoadFailed => ("无法加载地图数据", "The atlas data could not be loaded"),
            LoadHint => (
                "请确认数据文件（assets/ 中的 atlas.….json，文件名带构建生成的散列）与本页一同发布，且由本版本的构建工具生成（cargo run -p atlas-builder）。",
                "Check that the data bundle (assets/atlas.….json, named with the build's hash) is served next to this page and was built by this version's builder (cargo run -p atlas-builder).",
            ),
            Area => ("面积", "Area"),
            Code => ("行政区划代码", "Code"),
            Zone => ("区域", "Zone"),
            ZoneDirection => ("发展方向", "Development direction"),
            NamedInPlan => ("规划提及", "Named in the plan"),
            RolesInPlan => ("规划布局中的角色", "Roles in the plan's layout"),
            NoRoles => (
                "规划的布局部分未点名此地。",
                "The plan's layout does not name this place.",
            ),
            Zones => ("区域", "Zones"),
            Roles => ("布局角色", "Layout roles"),
            NotNamed => ("未点名", "Not named"),
            Industry => ("产业", "Industry"),
            ByZone => ("全部（按区域着色）", "All (coloured by zone)"),
            ViewMap => ("地图", "Map"),
            ViewTable => ("表格", "Table"),
            ViewTargets => ("目标", "Targets"),
            ViewOverview => ("总览", "Overview"),
            ViewPlan => ("规划原文", "Plan text"),
            ViewBriefs => ("城市简报", "City briefs"),
            TargetsCaption => ("规划的量化目标", "The plan's quantified targets"),
            ProjectionNote => (
                "以2010年新兴产业销售收入为起点，按规划“产值年均增长率保持在30%以上”逐年推算；是规划增速的推算，不是统计数据。",
                "Starts from the 2010 emerging-industry sales figure and compounds the plan's “at least 30 % a year” output growth: a projection of the plan's rate, not data.",
            ),
            ChartOutputPath => (
                "按规划年均增速推算的产值路径（推算，非统计）",
                "Output path implied by the plan's growth rate (projection, not data)",
            ),
            ChartGdpShare => (
                "增加值占地区生产总值比重目标",
                "Value added as a share of GDP: goals",
            ),
            ChartCountGoals => ("到2015年的数量目标", "Counted goals for 2015"),
            ChartRolesPerCity => (
                "各市在规划布局中的角色数（按角色）",
                "Roles the plan gives each city, by role",
            ),
            RolesSourceNote => (
                "据《规划》§四(二)的区域标志性产业与领域布局、§三(五)的试点城市统计；县级市计入所属设区市。",
                "Counted from the signature industries and sector layouts of §4(2) and the pilot city of §3(5); county-level cities count with their city.",
            ),
            Present => ("演示", "Present"),
            Export => ("导出", "Export"),
            ExportSvg => ("地图 SVG", "Map as SVG"),
            ExportJson => ("布局数据 JSON", "Layout as JSON"),
            ExportCsv => ("布局数据 CSV", "Layout as CSV"),
            ExportBoundariesWgs84 => ("边界 GeoJSON（WGS84）", "Boundaries as GeoJSON (WGS84)"),
            ExportBoundariesWgs84Note => (
                "设区市、区县和三大区域；已换算为 WGS84，可叠加于 GPS 数据和 QGIS、GDAL 等 GIS 软件中的国际底图",
                "cities, counties and zones, converted to WGS84: for GIS tools (QGIS, GDAL), GPS data and international basemaps",
            ),
            ExportBoundariesGcj02 => (
                "边界 GeoJSON（GCJ-02 原始坐标）",
                "Boundaries as GeoJSON (GCJ-02, as published)",
            ),
            ExportBoundariesGcj02Note => (
                "与本图相同的 GCJ-02 坐标，适用于高德等国内底图；叠加在 WGS84 底图上会偏移约 500 米",
                "the map's own GCJ-02 coordinates, for Chinese basemaps such as AMap; about 500 m off on a WGS84 basemap",
            ),
            ExportNeedsDownloads => (
                "此框架不允许下载。嵌入页面如需提供导出，请在 iframe 的 sandbox 中加入 allow-downloads，并在地图地址中加上 downloads=1。",
                "This frame does not allow downloads. To offer exports, the host page adds allow-downloads to the iframe's sandbox and downloads=1 to the atlas's address.",
            ),
            ThreeZones => ("三大区域", "Three zones"),
            PresenterHelp => (
                "← → / PageUp PageDown / 空格 翻页 · 数字+回车 跳转 · Home End · F 全屏 · N 备注 · Esc 退出",
                "← → / PageUp PageDown / Space to move · number + Enter to jump · Home End · F full screen · N notes · Esc to leave",
            ),
            SpeakerNotes => ("演讲者备注", "Speaker notes"),
            MembershipNote => (
                "各区域所辖城市为全省通行的苏南、苏中、苏北三大区域划分，规划本身未逐一列出。",
                "Zone membership is the province's standing three-zone division, which the plan takes for granted.",
            ),
            Search => ("搜索", "Search"),
            SearchPlaceholder => (
                "搜索城市、县市、产业…",
                "Search cities, counties, industries…",
            ),
            NoResults => ("无结果", "No results"),
            SearchCountiesLoading => (
                "区县数据加载中，到达后即可查找区县…",
                "Counties are loading; they are found once they arrive…",
            ),
            AtlasUpdated => ("地图已更新", "The atlas was updated"),
            AtlasUpdatedHint => (
                "本页打开后，服务器上的地图已更新为新版本，这一部分需要新版本的文件。请重新加载页面（当前视图会保留）。",
                "Since this page was opened, the atlas on the server was updated, and this part needs the new version's files. Reload the page (the current view is kept).",
            ),
            Reload => ("重新加载", "Reload"),
            SearchCountiesUnavailable => (
                "区县数据暂不可用，只能查找城市、区域和产业",
                "Counties are unavailable: only cities, zones and industries are found",
            ),
            ShowInPlan => ("在规划中查看", "Show in plan"),
            PlanText => ("规划原文", "Plan text"),
            Close => ("关闭", "Close"),
            Subareas => ("重点领域", "Sub-areas"),
            WhereLaidOut => ("布局", "Where it is laid out"),
            NotLaidOut => (
                "规划未对该产业作地域布局。",
                "The plan gives this industry no place-specific layout.",
            ),
            MemberCities => ("所辖城市", "Member cities"),
            Field => ("领域", "Field"),
            Place => ("地区", "Place"),
            CountyLevel => ("县级市", "county-level city"),
            City => ("设区市", "city"),
            MapLabel => ("江苏省13个设区市地图", "Map of Jiangsu's 13 cities"),
            TableCaption => (
                "各地在十大产业中的布局角色",
                "Each place's roles in the ten industries",
            ),
            LanguageName => ("中文", "English"),
            SwitchLanguage => ("切换语言", "Switch language"),
            Section => ("规划", "Plan"),
            ResultCity => ("设区市", "City"),
            ResultCounty => ("县级市", "County-level"),
            ResultIndustry => ("产业", "Industry"),
            ResultField => ("领域", "Field"),
            ResultZone => ("区域", "Zone"),
            Bases => ("产业基地", "Industrial bases"),
            BasesNote => (
                "基地不在规划原文中，各附来源；未注明精确位置的基地标在所在县区。",
                "The plan names no bases: each carries its own source; one without a sourced location is marked at its host county.",
            ),
            Approximate => ("位置为所在县区（近似）", "at its host county (approximate)"),
            Approved => ("批准", "approved"),
            RoleColumn => ("角色", "Role"),
            PlanWords => ("规划原文", "The plan's words"),
            StaticLayoutTitle => ("规划中的产业布局", "The layout in the plan"),
            StaticLayoutNote => (
                "未启用 JavaScript：上面的地图只供浏览；下表列出规划给各地的每一项产业角色及其原文。",
                "JavaScript is off: the map above is for viewing only; the table lists every industry role the plan gives a place, in the plan's words.",
            ),
            Source => ("来源", "Source"),
            // FIND:
            DrillDown => ("查看区县", "Drill down"),
            CountyKindLabel => ("类型", "Kind"),
            ParentCity => ("所属设区市", "City"),
            CountyNotNamed => (
                "规划未点名该县级单位；下列为其所在设区市的角色。",
                "The plan does not name this unit; its city's roles follow.",
            ),
            CityRolesContext => ("所在设区市的角色", "Its city's roles"),
            CountiesLoading => ("正在加载区县数据…", "Loading the counties…"),
            CountiesFailed => ("区县数据无法加载：", "The counties could not be loaded: "),
            ShowCounties => ("显示区县", "Show counties"),
            // DRILL:
            DrillFailed => ("区县图层无法使用", "The county layer cannot be used"),
            DrillHint => (
                "全省地图仍可使用。请确认 assets/counties.json 与 atlas.json 来自同一次构建，并一同上传到服务器。",
                "The province map still works. Check that assets/counties.json comes from the same build as atlas.json and is uploaded next to it.",
            ),
            DrillStalledHint => (
                "全省地图仍可使用。服务器接受了请求，却长时间没有发送区县图层：请稍后重新加载本页；若仍如此，请检查服务器。",
                "The province map still works. The server took the request but sent no county layer: reload this page in a while; if it stalls again, check the server.",
            ),
            BackToProvince => ("返回全省", "Back to the province"),
            // CHUNK:
            ChunkFailed => (
                "这一视图的程序文件无法载入",
                "This view's code could not be loaded",
            ),
            ChunkStyleFailed => (
                "这一视图的样式文件无法载入",
                "This view's stylesheet could not be loaded",
            ),
            ChunkHint => (
                "地图仍可使用。若地图刚刚更新过，请重新加载本页；否则请检查该文件是否与 index.html 来自同一次构建并已完整上传。",
                "The map still works. If the atlas was just updated, reload this page; otherwise check that this file comes from the same build as index.html and was uploaded in full.",
            ),
            ChunkFile => ("文件：", "File: "),
            ChunkLoading => ("正在载入这一视图…", "Loading this view…"),
            TryAgain => ("重试", "Try again"),
            BackToMap => ("返回地图", "Back to the map"),
            Province => ("江苏", "Jiangsu"),
            WhereYouAre => ("当前位置", "Where you are"),
            CountiesOf => ("区县地图", "counties map"),
            // OVERVIEW:
            OverviewTitle => ("十大产业布局一览", "The ten industries at a glance"),
            OverviewHint => (
                "选择一幅小地图，在地图中打开该产业；选择其中的城市，同时选中该城市。方向键在各图之间移动，Page Up / Page Down 在图内移动。",
                "Choose a small map to open its industry on the map; choose a city in it to open it there too. Arrow keys move between the maps, Page Up / Page Down within one.",
            ),
            OverviewFocusCount => ("重点", "focus"),
            OverviewSupportCount => ("支撑", "support"),
            OverviewSignatureCount => ("标志性", "signature"),
            OverviewNote => (
                "十大产业并排：同一城市在各图中位置相同；指向或聚焦一个城市，十幅图中同时突出显示该城市。",
                "The ten industries side by side: each city sits in the same place in every map; pointing at or focusing a city highlights it in all ten.",
            ),
            // PLAN:
            PlanContents => ("目录", "Contents"),
            PlanSearch => ("在规划中搜索", "Search the plan"),
            PlanPreviousMatch => ("上一处", "Previous match"),
            PlanNextMatch => ("下一处", "Next match"),
            PlanPreviousParagraph => ("上一段", "Previous paragraph"),
            PlanNextParagraph => ("下一段", "Next paragraph"),
            PlanMapHint => (
                "滚动阅读时地图显示当前段落所述内容；点击城市可列出提及它的段落。",
                "As you read, the map shows what the paragraph in view speaks of; choose a city to list the paragraphs naming it.",
            ),
            PlanLoadFailed => ("规划原文无法加载", "The plan text cannot be loaded"),
            PlanLoadHint => (
                "请将同一次构建生成的 assets/plan.json 与 atlas.json 一起上传到网站（放在同一目录）；地图、表格等其他视图仍可正常使用。",
                "Upload the file assets/plan.json from the same build next to atlas.json on the site; the map, the table and the other views keep working.",
            ),
            PlanLoadDetail => ("技术细节", "Technical detail"),
            // BRIEFS:
            BriefsChooser => ("选择要打印的城市简报", "Choose the briefs to print"),
            BriefsAll => ("全选", "All"),
            BriefsNone => ("全不选", "None"),
            BriefsPrint => ("打印所选简报", "Print the chosen briefs"),
            BriefsUnticked => ("未选中：不打印", "Not ticked: not printed"),
            BriefsNonePrinted => (
                "未选择任何城市简报，因此没有简报可打印。请在“城市简报”视图中勾选要打印的城市（或点“全选”），再打印；每个城市一页 A4。",
                "No city brief is chosen, so there is no brief to print. In the City briefs view, tick the cities whose briefs you want (or press All), then print again: one A4 page per city.",
            ),
            CityBrief => ("城市简报", "City brief"),
            BriefsFrameNote => (
                "本图嵌在门户页面的沙箱框架中：只有门户为框架加上 allow-modals 时才能打印；否则请在新窗口中打开本图再打印。",
                "The atlas is in a portal's sandboxed frame: printing works only if the portal adds allow-modals to the frame's sandbox; otherwise open the atlas in its own window to print.",
            ),
            BriefPlaces => ("县级单位", "County-level places"),
            BriefSources => (
                "角色与方向均引自规划原文；产业基地不在规划中，各附来源。",
                "Roles and directions quote the plan; industrial bases are not in the plan and each carries its source.",
            ),
            // PANELS AND TABLE (issue 18, slice "panels"):
            NoRoleInTopic => (
                "规划未在此产业中给该地角色。",
                "The plan gives this place no role in this industry.",
            ),
            OtherRoles => ("其他角色", "Its other roles"),
            PlaceContext => ("区域、面积与代码", "Zone, area and code"),
            QuotedAbove => ("原文见上", "quoted above"),
            TotalIndustries => ("产业数", "Industries"),
            TotalIndustriesHint => (
                "规划给该地角色的产业数",
                "How many industries the plan gives this place a role in",
            ),
            TotalPlaces => ("地点数", "Places"),
            TotalPlacesHint => (
                "规划在该产业中给角色的城市与县级单位数",
                "How many cities and county-level places the plan gives a role in this industry",
            ),
            // MAPTITLE (issue 18, every map says what it shows):
            MapTitleByZone => ("按规划的三大区域着色", "Coloured by the plan's three zones"),
            MapTitleNoneNamed => (
                "规划的布局未点名此产业的城市",
                "The plan's layout names no place for this",
            ),
            LegendPlaces => ("县级市", "County-level cities"),
            LegendCountyRoles => ("县（市、区）的布局角色", "Counties by layout role"),
            // FIRSTSCREEN:
            StoryIndustries => ("十大产业", "The ten industries"),
            StoryIndustriesNote => (
                "数字为规划布局该产业的市、县数；点选一个产业，地图按其布局着色。",
                "Each number counts the cities and counties the plan gives a role in the industry; choose one to colour the map by it.",
            ),
            StorySignature => ("区域标志性高端产业", "Regional signature industries"),
            StorySignatureNote => ("规划原文", "In the plan's words,"),
            StoryZones => ("三大区域", "The three zones"),
            OpenFullAtlas => ("打开完整地图", "Open the full atlas"),
            EmbedCode => ("嵌入", "Embed"),
            EmbedCodeNote => (
                "将以下代码粘贴到门户页面，即可嵌入当前视图；框架高度随内容自动调整，也可改为固定高度。",
                "Paste this code into a portal page to embed the current view; the frame follows the content's height, or give it a fixed height instead.",
            ),
            EmbedCodeLabel => ("当前视图的嵌入代码", "Embed code of the current view"),
            // Issue 18 point 6 (the brief as a handout).
            BriefGrid => ("十大产业中的角色", "Role in each of the ten industries"),
            BriefPlanWords => ("规划原文", "The plan's words"),
            BriefNotes => ("注释", "Notes"),
            // Presenter slice (issue 18 point 5): the presenter window.
            PresenterView => ("演讲者视图", "Presenter view"),
            NextSlide => ("下一张", "Next"),
            LastSlideNote => ("这是最后一张", "This is the last slide"),
            ElapsedTime => ("已用时间", "Elapsed"),
            PresenterWindowBlocked => (
                "演讲者窗口未能打开（浏览器拦截了弹出窗口，或本图在受限框架中）。备注不会显示在投影画面上：请允许弹出窗口，或在新窗口打开本页并在地址后加 &notes=1。",
                "The presenter window could not open (the browser blocked the pop-up, or the atlas is in a restricted frame). Notes never show on the projected screen: allow pop-ups, or open this page in a new window with &notes=1 added to its address.",
            ),
            PresenterKeysOnce => (
                "← → 翻页 · 数字+回车 跳转 · F 全屏 · N 演讲者窗口 · Esc 退出",
                "← → to move · number + Enter to jump · F full screen · N presenter window · Esc to leave",
            ),
            PresenterWindowKeys => (
                "← → / PageUp PageDown / 空格 翻页（投影同步）· 数字+回车 跳转 · Home End",
                "← → / PageUp PageDown / Space move both screens · number + Enter to jump · Home End",
            ),
            // FINISH (issue 18 point 10): the map's warning line and its About box.
            NotApprovedMap => (
                "示意图，非审图号批准地图",
                "Schematic map, not an approved map (no map approval number)",
            ),
            CoordinateSystem => ("坐标系", "Coordinates"),
            About => ("关于", "About"),
            AboutSources => ("地图数据来源与许可", "Map data: sources and licences"),
        };
        self.pick(zh, en)
    }
}

impl BaseKind {
    /// The kind's name in a language.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            BaseKind::NationalHitechZone => lang.pick("国家高新区", "National high-tech zone"),
            BaseKind::NationalDevelopmentZone => {
                lang.pick("国家级经开区", "National development zone")
            }
            BaseKind::ProvincialHitechZone => lang.pick("省级高新区", "Provincial high-tech zone"),
            BaseKind::IndustryBase => lang.pick("特色产业基地", "Signature industry base"),
        }
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// A Chinese numeral up to 99: 四 → 4, 十 → 10, 十二 → 12, 二十三 → 23.
fn chinese_number(numeral: &str) -> u32 {
    let digits: Vec<u32> = numeral.chars().filter_map(chinese_digit).collect();
    match digits.as_slice() {
        [10] => 10,
        [10, ones] => 10 + ones,
        [tens, 10] => tens * 10,
        [tens, 10, ones] => tens * 10 + ones,
        [one] => *one,
        _ => 0,
    }
}

/// Every string the interface shows, so that none is left untranslated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
    Title,
    Subtitle,
    Loading,
    LoadFailed,
    LoadHint,
    Area,
    Code,
    Zone,
    ZoneDirection,
    NamedInPlan,
    RolesInPlan,
    NoRoles,
    Zones,
    Roles,
    NotNamed,
    Industry,
    ByZone,
    ViewMap,
    ViewTable,
    ViewTargets,
    /// The overview of ten small maps.
    ViewOverview,
    /// The plan reading view.
    ViewPlan,
    /// The printable city briefs.
    ViewBriefs,
    TargetsCaption,
    ProjectionNote,
    ChartOutputPath,
    ChartGdpShare,
    ChartCountGoals,
    ChartRolesPerCity,
    RolesSourceNote,
    Present,
    Export,
    ExportSvg,
    ExportJson,
    ExportCsv,
    ExportBoundariesWgs84,
    ExportBoundariesWgs84Note,
    ExportBoundariesGcj02,
    ExportBoundariesGcj02Note,
    ExportNeedsDownloads,
    ThreeZones,
    PresenterHelp,
    SpeakerNotes,
    MembershipNote,
    Search,
    SearchPlaceholder,
    NoResults,
    SearchCountiesLoading,
    SearchCountiesUnavailable,
    AtlasUpdated,
    AtlasUpdatedHint,
    Reload,
    ShowInPlan,
    PlanText,
    Close,
    Subareas,
    WhereLaidOut,
    NotLaidOut,
    MemberCities,
    Field,
    Place,
    CountyLevel,
    City,
    MapLabel,
    TableCaption,
    LanguageName,
    SwitchLanguage,
    Section,
    ResultCity,
    ResultCounty,
    ResultIndustry,
    ResultField,
    ResultZone,
    Bases,
    BasesNote,
    Approximate,
    Approved,
    Source,
    RoleColumn,
    PlanWords,
    StaticLayoutTitle,
    StaticLayoutNote,
    // FIND:
    DrillDown,
    CountyKindLabel,
    ParentCity,
    CountyNotNamed,
    CityRolesContext,
    CountiesLoading,
    CountiesFailed,
    ShowCounties,
    // DRILL:
    DrillFailed,
    DrillHint,
    DrillStalledHint,
    BackToProvince,
    // CHUNK:
    /// The heading of the panel shown when a view's wasm chunk cannot be loaded.
    ChunkFailed,
    /// The heading of the panel shown when the views' stylesheet, which styles the view, cannot
    /// be loaded.
    ChunkStyleFailed,
    /// What to do when a view's wasm chunk cannot be loaded.
    ChunkHint,
    /// The label before the name of the chunk file that could not be loaded.
    ChunkFile,
    /// Said while a view's wasm chunk is on its way (a link straight to a view, before the
    /// chunks were fetched on idle).
    ChunkLoading,
    /// The button that fetches a failed file again.
    TryAgain,
    /// The chunk panel's way out: back to the province map.
    BackToMap,
    Province,
    WhereYouAre,
    CountiesOf,
    // OVERVIEW:
    OverviewTitle,
    OverviewHint,
    OverviewFocusCount,
    OverviewSupportCount,
    OverviewSignatureCount,
    OverviewNote,
    // PLAN:
    /// The plan view's table of contents.
    PlanContents,
    /// The label of the plan view's search box.
    PlanSearch,
    /// The button to the previous search match.
    PlanPreviousMatch,
    /// The button to the next search match.
    PlanNextMatch,
    /// The button to the previous paragraph naming the chosen place.
    PlanPreviousParagraph,
    /// The button to the next paragraph naming the chosen place.
    PlanNextParagraph,
    /// What the map beside the plan text does.
    PlanMapHint,
    /// The heading shown when the plan document (assets/plan.json) cannot be loaded.
    PlanLoadFailed,
    /// What the site's maintainer does about a plan document that cannot be loaded.
    PlanLoadHint,
    /// The label of the technical detail of the plan document's loading error.
    PlanLoadDetail,
    // BRIEFS:
    /// The briefs view's chooser: which cities' briefs to print.
    BriefsChooser,
    /// Ticks every brief.
    BriefsAll,
    /// Unticks every brief.
    BriefsNone,
    /// Prints the ticked briefs.
    BriefsPrint,
    /// Said of an unticked brief, shown collapsed.
    BriefsUnticked,
    /// Printed instead of a blank page when no brief is ticked: what happened and how to choose.
    BriefsNonePrinted,
    /// The city panel's button opening its brief.
    CityBrief,
    /// Said in a sandboxed frame, where printing needs the host's `allow-modals`.
    BriefsFrameNote,
    /// A brief's heading over its county-level places.
    BriefPlaces,
    /// A brief's footnote on where its facts come from.
    BriefSources,
    // PANELS AND TABLE (issue 18, slice "panels"):
    /// Said first in a place's panel when the plan gives it no role in the chosen industry.
    NoRoleInTopic,
    /// The heading over a place's roles outside the chosen industry, listed compactly.
    OtherRoles,
    /// Opens a city's context (zone direction, area, adcode), folded below its roles.
    PlaceContext,
    /// Said in the industry panel of a statement already quoted in the place's panel above.
    QuotedAbove,
    /// The table's column of totals per place.
    TotalIndustries,
    /// What the totals per place count.
    TotalIndustriesHint,
    /// The table's row of totals per industry.
    TotalPlaces,
    /// What the totals per industry count.
    TotalPlacesHint,
    // MAPTITLE (issue 18, every map says what it shows):
    /// The subtitle's opening when the map is coloured by zone.
    MapTitleByZone,
    /// The subtitle when the topic names no place on the map.
    MapTitleNoneNamed,
    /// The legend line of the county-level places' ○ markers.
    LegendPlaces,
    /// The legend's heading over a drilled city's counties counted by role.
    LegendCountyRoles,
    // FIRSTSCREEN:
    /// The first screen's heading over the ten industries.
    StoryIndustries,
    /// What the first screen's industry counts count, and what choosing one does.
    StoryIndustriesNote,
    /// The first screen's heading over the regional signature industries.
    StorySignature,
    /// Says the signature rows quote the plan (followed by the section).
    StorySignatureNote,
    /// The first screen's heading over the three zones.
    StoryZones,
    /// The embedded atlas's link to itself in its own window.
    OpenFullAtlas,
    /// The toolbar's control showing the embed code.
    EmbedCode,
    /// What the embed code does and how to use it.
    EmbedCodeNote,
    /// The label of the embed code's text box.
    EmbedCodeLabel,
    // Issue 18 point 6 (the brief as a handout).
    /// The heading of a brief's grid of the city's role in each industry.
    BriefGrid,
    /// The heading over a brief's quotes of the plan.
    BriefPlanWords,
    /// The heading over a brief's numbered source notes.
    BriefNotes,
    // Presenter slice (issue 18 point 5): the presenter window.
    /// The presenter window's heading.
    PresenterView,
    /// Heads the next slide's title in the presenter window.
    NextSlide,
    /// Said in the presenter window on the last slide, where there is no next one.
    LastSlideNote,
    /// Heads the elapsed time in the presenter window.
    ElapsedTime,
    /// Said on the projected screen when the presenter window could not open.
    PresenterWindowBlocked,
    /// The key hints the projected screen shows once, on the first slide shown.
    PresenterKeysOnce,
    /// The keys of the presenter window.
    PresenterWindowKeys,
    // FINISH (issue 18 point 10): the map's warning line and its About box.
    /// The warning every map carries when no approval number (审图号) is configured.
    NotApprovedMap,
    /// The words before the coordinate reference on a map's warning line.
    CoordinateSystem,
    /// The button opening the About box of the map's sources and licences.
    About,
    /// The About box's heading over the sources and licences.
    AboutSources,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn sections_are_cited_with_arabic_numbers_in_english() {
        assert_eq!(Lang::En.section("四(二)"), "4(2)");
        assert_eq!(Lang::En.section("三(十)"), "3(10)");
        assert_eq!(Lang::En.section("一"), "1");
        assert_eq!(Lang::Zh.section("四(二)"), "四(二)");
    }

    #[test]
    fn both_languages_differ_for_the_title_and_roles() {
        assert_ne!(Lang::Zh.text(Msg::Title), Lang::En.text(Msg::Title));
        for role in Role::ALL {
            assert_ne!(Lang::Zh.role(role), Lang::En.role(role));
        }
    }
}
