package main

// Word lists the generated titles and sentences are combined from. None of
// them contains the search token, so the token appears only where it is put.

var places = []string{
	"长春", "吉林", "延边", "通化", "白山", "松原", "四平", "辽源", "白城", "珲春",
	"哈尔滨", "沈阳", "大连", "成都", "杭州", "苏州", "厦门", "西安", "兰州", "昆明",
	"贵阳", "南宁", "海口", "青岛", "济南", "郑州", "武汉", "长沙", "南昌", "合肥",
	"福州", "太原", "呼和浩特", "银川", "西宁", "乌鲁木齐", "洛阳", "大理", "泉州", "绍兴",
	"滨江新区", "东湖街道", "北山镇", "南岭村", "高新区", "经开区", "老城区", "西郊",
}

var subjects = []string{
	"市图书馆", "社区卫生服务中心", "农业合作社", "科技园区", "第三中学", "市博物馆",
	"公交集团", "环保志愿者协会", "气象台", "消防救援支队", "文旅部门", "物流企业",
	"高校研究团队", "街道办事处", "市场监管局", "青年创业园", "养老服务中心", "供电公司",
	"自来水公司", "少年宫", "体育中心", "农科院", "职业技术学院", "民俗文化馆",
}

var actions = []string{
	"推出", "启动", "举办", "完成", "开通", "发布", "试点", "升级", "扩建", "设立",
	"上线", "改造", "筹建", "恢复", "开放", "验收",
}

var objects = []string{
	"夜间延时服务", "智慧停车系统", "冬季长跑比赛", "旧书交换活动", "农产品直播节",
	"无障碍改造工程", "老年人数字课堂", "垃圾分类积分制度", "新能源公交线路", "湿地保护项目",
	"青少年编程营", "社区食堂", "口袋公园", "非遗传承工作坊", "雨污分流管网", "便民服务驿站",
	"冰雪运动体验区", "河道清淤工程", "科普开放日", "夜市街区", "共享农机平台", "应急避难场所",
	"儿童友好步道", "5G智慧课堂", "AI导览服务", "24小时自助书屋",
}

var results = []string{
	"市民反响热烈", "参与人数创新高", "首周接待游客过万", "获得广泛好评", "预计年底完工",
	"覆盖全部街道", "惠及上万家庭", "运行平稳有序", "成效初步显现", "吸引众多年轻人",
	"带动周边消费", "服务时长翻番",
}

var quoted = []string{
	"冰雪季", "一刻钟便民生活圈", "最多跑一次", "家门口的博物馆", "菜篮子", "夜经济",
	"银发课堂", "智慧社区", "绿色出行周", "书香校园",
}

var units = []string{"个社区", "所学校", "条线路", "个村", "家企业", "个站点", "处景点"}

var dates = []string{"近日", "日前", "今年以来", "上周末", "入冬以来", "连日来", "本月初"}

var sources = []string{
	"主办方", "相关负责人", "工作人员", "市统计局", "项目负责人", "街道工作人员", "运营方",
}

var persons = []string{
	"一位参与活动的市民", "负责该项目的工程师", "社区党支部书记", "一名大学生志愿者",
	"现场的一位老人", "一位带着孩子的家长", "一位外地游客", "合作社理事长",
}

var feelings = []string{
	"现在办事方便多了", "这次活动让孩子学到了很多", "没想到变化这么快", "家门口就能享受这样的服务",
	"排队的时间比以前短了一半", "整个过程比想象中简单", "环境一下子变好了",
}

var hopes = []string{
	"希望以后能常态化举办", "明年还会再来", "我们会继续做好服务", "盼着早日全面推开",
	"建议再多增加几个点位", "希望更多人能参与进来",
}

var plans = []string{
	"扩大试点范围", "完善配套设施", "引入更多社会力量", "加强日常维护", "推出线上预约功能",
	"建立长效管理机制", "开展满意度回访", "优化开放时间",
}

var goals = []string{
	"让更多群众受益", "进一步提升服务水平", "打造区域示范样板", "推动相关产业融合发展",
	"让居民生活更加便利", "促进城乡均衡发展",
}

var scenes = []string{
	"不少家长带着孩子排队体验", "展台前挤满了前来咨询的市民", "工人们正在抓紧铺设管线",
	"志愿者们忙着为老人讲解操作步骤", "新栽的树苗整齐排列在道路两侧", "摊位前飘出阵阵香气",
	"大屏幕上滚动显示着实时数据", "孩子们在雪地里追逐嬉戏",
}

var statUnits = []string{"人次", "名市民", "户家庭", "件", "吨", "辆次"}

// English lists for the ASCII article.
var enSubjects = []string{
	"The city library", "A local cooperative", "The transit authority", "Volunteers",
	"The weather office", "A university team", "The district council", "The museum",
}

var enActions = []string{
	"opened", "launched", "tested", "extended", "announced", "completed", "upgraded",
}

var enObjects = []string{
	"a night reading room", "a new bus line", "a winter running race", "a repair cafe",
	"a wetland trail", "a coding camp for teenagers", "a shared tool library", "a flood barrier",
}

var enTails = []string{
	"and the first week drew more visitors than expected",
	"while residents asked for longer opening hours",
	"after two years of planning and public hearings",
	"with support from several neighbourhood groups",
	"and the budget stayed within the estimate",
	"although some details are still being discussed",
}
