// Demo seed content for Suoqian: routes, workshops, farmers, products and festivals. Coordinates and facts come from
// places.json and the town's 2023 work report; all phone numbers and e-mail addresses are fictitious.
import type { SeedFarmer, SeedFestival, SeedProduct, SeedRoute, SeedWorkshop } from "./types";

const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** Outdoor walking routes: every month but the hottest two. */
const NOT_HIGH_SUMMER = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12];

export const routes: SeedRoute[] = [
  // ─── 红色游 Red tours ──────────────────────────────────────────────────────
  {
    slug: "red-town-to-wang-huayan-memorial",
    category: "RED",
    titleZh: "从镇上走到王华炎纪念馆",
    titleEn: "From the town centre to the Wang Huayan Memorial Hall",
    summaryZh: "从所前镇区出发，沿里士湖向南步行，走进全国首个以少先队辅导员为主题的纪念馆。",
    summaryEn:
      "Walk south from the town centre past Lishi Lake to the first memorial hall in China devoted to Young Pioneer counsellors.",
    descriptionZh:
      "所前因明代西小江边的盐所得名，线路从镇区讲起，经金临湖村的里士湖游步道一路向南。终点王华炎纪念馆面积约1100平方米，是全国首个以少先队辅导员为主题的纪念馆，也是杭州市关心下一代教育基地，2023年列入浙江省第二批乡村博物馆名单。适合带孩子的家庭和少先队、学校团队。",
    descriptionEn:
      "Suoqian takes its name from the Ming-era salt depots on the Xixiao River, so the route begins with that story in the town centre and then heads south along the Lishi Lake walkway in Jinlinhu village. It ends at the Wang Huayan Memorial Hall: about 1,100 m², the first memorial in China devoted to Young Pioneer counsellors, a Hangzhou education base for caring for the next generation, and on Zhejiang's second list of rural museums (2023). Good for families with children and for Young Pioneer or school groups.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站（在所前以北约9公里），再换乘公交或打车到所前镇区；公交线路时有调整，出发前请先查询。自驾可从通惠路或市心路上所前大道进镇。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station (about 9 km north of Suoqian), then a bus or taxi to the town centre; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) into town from Tonghui Road or Shixin Road.",
    difficulty: "EASY",
    months: ALL_YEAR,
    stops: [
      {
        place: "town-centre",
        suggestedMinutes: 20,
        noteZh: "镇名来自明代西小江边的盐所。",
        noteEn: "The town is named after Ming-era salt depots on the Xixiao River.",
      },
      {
        place: "jinlinhu",
        suggestedMinutes: 30,
        noteZh: "沿里士湖游步道散步。",
        noteEn: "Stroll along the Lishi Lake walkway.",
      },
      {
        place: "wang-huayan-memorial",
        suggestedMinutes: 75,
        noteZh: "参观前请先确认开放时间。",
        noteEn: "Check the opening hours before you visit.",
      },
    ],
  },
  {
    slug: "red-old-street-loujia-courtyard",
    category: "RED",
    titleZh: "老街到娄家墙门：所前乡土记忆",
    titleEn: "From the old street to the Loujia Courtyard House",
    summaryZh: "从天乐社区老街向东，经山联村到百年老宅娄家墙门，再南下传芳村看李童德老宅。",
    summaryEn:
      "Head east from the Tianle old street through Shanlian village to the century-old Loujia Courtyard House, then south to Chuanfang and the old house of Li Tongde.",
    descriptionZh:
      "娄家墙门在金山村娄家湾，建于1920年，面积约2337平方米，2017年修缮，2023年6月29日起列为省级文物保护单位，这里还规划了非遗馆。线路从天乐社区老街出发，途经山联村，它的“新希望太极社”是杭州市示范学习共同体。最后一站传芳村有李童德老宅，全程约4公里，步行或骑车都合适。",
    descriptionEn:
      "The Loujia Courtyard House, in Loujiawan hamlet of Jinshan village, was built in 1920, covers about 2,337 m², was restored in 2017 and has been a provincial protected site since 29 June 2023; an intangible-heritage hall is planned there. The route starts on the Tianle old street and passes Shanlian village, whose 'New Hope Tai Chi Club' is a Hangzhou model learning community. It ends in Chuanfang village at the old house of Li Tongde; about 4 km in all, easy on foot or by bike.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到所前镇区的天乐社区（约9公里）；公交线路时有调整，出发前请先查询。自驾可从通惠路或市心路上所前大道进镇。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to Tianle community in Suoqian (about 9 km); bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) into town from Tonghui Road or Shixin Road.",
    difficulty: "EASY",
    months: NOT_HIGH_SUMMER,
    stops: [
      { place: "tianle-old-street", suggestedMinutes: 40 },
      { place: "shanlian", suggestedMinutes: 20 },
      {
        place: "loujia-qiangmen",
        suggestedMinutes: 45,
        noteZh: "建于1920年的墙门，省级文物保护单位。",
        noteEn: "A courtyard house from 1920, now a provincial protected site.",
      },
      {
        place: "chuanfang",
        suggestedMinutes: 30,
        noteZh: "李童德老宅是文物古建，能否入内请以村里公告为准。",
        noteEn:
          "Li Tongde's old house is a heritage building; whether you can go inside depends on the village's notices.",
      },
    ],
  },
  {
    slug: "red-memorial-common-prosperity-villages",
    category: "RED",
    titleZh: "纪念馆与共富村：王华炎纪念馆—祥里王—三泉王",
    titleEn: "Memorial hall and common-prosperity villages: Wang Huayan Memorial, Xiangliwang, Sanquanwang",
    summaryZh: "参观王华炎纪念馆后沿山脚向南，看祥里王村的数字农业园，再到杭州市首批共富村三泉王。",
    summaryEn:
      "After the Wang Huayan Memorial Hall, walk south along the foot of the hills to the digital farm at Xiangliwang and on to Sanquanwang, one of Hangzhou's first common-prosperity villages.",
    descriptionZh:
      "先在王华炎纪念馆了解少先队辅导员的故事，再看看今天的乡村怎样走共同富裕的路。祥里王村有数字农业示范园，种着樱桃和红美人柑橘；三泉王村因龙泉、牛泉、虎泉三眼泉水得名，2022年入选杭州市首批共富村，村里有一棵千年古樟。全程约2公里。",
    descriptionEn:
      "Start with the stories of Young Pioneer counsellors at the Wang Huayan Memorial Hall, then see how villages here are working towards common prosperity today. Xiangliwang has a digital-agriculture demonstration park growing cherries and Hongmeiren citrus; Sanquanwang, named for its three springs (Dragon, Ox and Tiger), was among Hangzhou's first common-prosperity villages in 2022 and has a thousand-year-old camphor tree. About 2 km in all.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到王华炎纪念馆（所前镇区以南）；公交线路时有调整，出发前请先查询。自驾从通惠路或市心路上所前大道进镇，再导航到纪念馆。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to the Wang Huayan Memorial Hall, south of the town centre; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) from Tonghui Road or Shixin Road and follow navigation to the memorial.",
    difficulty: "EASY",
    months: NOT_HIGH_SUMMER,
    stops: [
      { place: "wang-huayan-memorial", suggestedMinutes: 60 },
      {
        place: "xiangliwang",
        suggestedMinutes: 40,
        noteZh: "数字农业示范园，4–5月是樱桃季。",
        noteEn: "Digital-agriculture demonstration park; cherries in April–May.",
      },
      {
        place: "sanquanwang",
        suggestedMinutes: 60,
        noteZh: "看三眼泉和千年古樟。",
        noteEn: "See the three springs and the thousand-year-old camphor.",
      },
    ],
  },

  // ─── 研学游 Study tours ────────────────────────────────────────────────────
  {
    slug: "study-cai-dongfan-old-street-daoshan",
    category: "STUDY",
    titleZh: "读史所前：蔡东藩故居、老街与导山庙",
    titleEn: "Reading history: Cai Dongfan's residence, the old street and Daoshan Temple",
    summaryZh: "从史学家蔡东藩的故居临江书舍出发，进镇走老街，再到修缮后的导山庙，一天读一段地方史。",
    summaryEn:
      "Start at Linjiang Study, the former home of historian Cai Dongfan, walk the old street in town and end at the restored Daoshan Temple: a day of local history.",
    descriptionZh:
      "蔡东藩是《历朝通俗演义》的作者，故居临江书舍在邻镇临浦的戴家桥，已完成布展。回到所前镇区，天乐社区老街一带可以讲讲因盐所得名的小镇往事；导山庙是历史建筑，2022年完成维修。全程约5公里，适合中小学生研学，建议骑车。",
    descriptionEn:
      "Cai Dongfan wrote the popular dynastic histories (历朝通俗演义); his former home, Linjiang Study, is at Daijiaqiao in neighbouring Linpu town and now has an exhibition. Back in Suoqian, the Tianle old street is a good place to tell how the town grew up around its salt depots, and Daoshan Temple, a historic building, was repaired in 2022. About 5 km in all; suited to school study groups, best done by bike.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再打车到蔡东藩故居（临浦镇戴家桥）；也可乘公交，但线路时有调整，出发前请先查询。自驾直接导航到“蔡东藩故居”，回程经所前大道回市区。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a taxi to Cai Dongfan's former residence at Daijiaqiao, Linpu; buses also run, but routes change, so check before you set out. By car, navigate to 蔡东藩故居 and return to the city via Suoqian Avenue (所前大道).",
    difficulty: "EASY",
    months: NOT_HIGH_SUMMER,
    stops: [
      {
        place: "cai-dongfan-residence",
        suggestedMinutes: 60,
        noteZh: "位于邻镇临浦，不在所前镇内。",
        noteEn: "In neighbouring Linpu town, just outside Suoqian.",
      },
      { place: "tianle-old-street", suggestedMinutes: 40 },
      { place: "town-centre", suggestedMinutes: 20 },
      {
        place: "daoshan-temple",
        suggestedMinutes: 30,
        noteZh: "2022年完成维修的历史建筑。",
        noteEn: "A historic building repaired in 2022.",
      },
    ],
  },
  {
    slug: "study-digital-village-sanquanwang",
    category: "STUDY",
    titleZh: "数字乡村课堂：祥里王数字农业园到青化书屋",
    titleEn: "Digital village classroom: from the Xiangliwang farm park to Qinghua Reading House",
    summaryZh: "在祥里王看数字农业示范园怎样种樱桃和柑橘，再到数字乡村样板村三泉王，最后在青化书屋读书歇脚。",
    summaryEn:
      "See how a digital-agriculture park at Xiangliwang grows cherries and citrus, visit Sanquanwang, a model digital village, and rest with a book at Qinghua Reading House.",
    descriptionZh:
      "祥里王村的明良数字农业示范园共400亩，其中樱桃200亩、红美人柑橘80亩。三泉王村是区级数字乡村样板村，正在创建省级未来乡村，村里的老年食堂和老年友好型社区也值得一看。青化书屋在诸坞林道边，适合读书、写研学笔记。全程约2公里。",
    descriptionEn:
      "The Mingliang digital-agriculture demonstration park at Xiangliwang covers 400 mu, including 200 mu of cherries and 80 mu of Hongmeiren citrus. Sanquanwang is a district model digital village and a candidate provincial 'future village'; its canteen for elders and elderly-friendly community are worth a look too. Qinghua Reading House, on the Zhuwu forest road, is a quiet place to read and write up notes. About 2 km in all.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到祥里王村（所前镇区以南）；公交线路时有调整，出发前请先查询。自驾从通惠路或市心路上所前大道进镇，再导航到祥里王村。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to Xiangliwang village, south of the town centre; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) from Tonghui Road or Shixin Road and follow navigation to Xiangliwang.",
    difficulty: "EASY",
    months: NOT_HIGH_SUMMER,
    stops: [
      {
        place: "xiangliwang",
        suggestedMinutes: 70,
        noteZh: "参观数字农业示范园，团队请提前联系。",
        noteEn: "Visit the digital-agriculture park; groups should call ahead.",
      },
      { place: "sanquanwang", suggestedMinutes: 50 },
      { place: "qinghua-study", suggestedMinutes: 40 },
    ],
  },
  {
    slug: "study-lijia-waste-sorting-villages",
    category: "STUDY",
    titleZh: "美丽乡村研学：导山庙、李家村垃圾分类与传芳村",
    titleEn: "Beautiful-village study tour: Daoshan Temple, waste sorting at Lijia, and Chuanfang",
    summaryZh: "看一座修缮后的历史建筑，到区级垃圾分类示范村李家村学分类，再走访传芳和山联两村。",
    summaryEn:
      "See a restored historic temple, learn how waste is sorted at Lijia, a district model village for it, then walk on through Chuanfang and Shanlian.",
    descriptionZh:
      "李家村是全区第一个通过第四批提升村验收的村，也是区级生活垃圾分类示范村；所前垃圾分类“四定一撤”的“小喇叭”宣传做法曾在全区推广。导山庙2022年完成维修，传芳村正在建设特色村，来娘线穿村而过，山联村的“新希望太极社”是杭州市示范学习共同体。全程约3公里，适合小学高年级和初中生。",
    descriptionEn:
      "Lijia was the first village in the district to pass the fourth-batch village improvement check and is a district model village for household waste sorting; the town's 'little loudspeaker' campaign for its sorting rules was taken up across the district. Daoshan Temple was repaired in 2022, Chuanfang is being developed as a characteristic village with the Lainiang road running through it, and Shanlian's 'New Hope Tai Chi Club' is a Hangzhou model learning community. About 3 km in all; suited to upper-primary and middle-school pupils.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到导山庙（所前镇区东南）；公交线路时有调整，出发前请先查询。自驾从所前大道进镇，再导航到导山庙。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to Daoshan Temple, south-east of the town centre; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) into town and follow navigation to the temple.",
    difficulty: "EASY",
    months: NOT_HIGH_SUMMER,
    stops: [
      { place: "daoshan-temple", suggestedMinutes: 30 },
      {
        place: "lijia",
        suggestedMinutes: 50,
        noteZh: "看村里的分类投放点，学“四定一撤”。",
        noteEn: "See the village's sorting points and how the rules work.",
      },
      { place: "chuanfang", suggestedMinutes: 40 },
      { place: "shanlian", suggestedMinutes: 30 },
    ],
  },
  {
    slug: "study-sanquanwang-hiking-loop",
    category: "STUDY",
    titleZh: "三泉王山野研学：古樟、青化书屋与白风岭",
    titleEn: "Sanquanwang hill walk: the old camphor, Qinghua Reading House and Baifeng Ridge",
    summaryZh: "走三泉王7.3公里登山环线，经诸坞林道边的青化书屋登白风岭，认识山里的泉水、古树和林道。",
    summaryEn:
      "Walk Sanquanwang's 7.3 km hiking loop past Qinghua Reading House on the Zhuwu forest road and up to Baifeng Ridge, learning about the springs, old trees and woods.",
    descriptionZh:
      "三泉王村因龙泉、牛泉、虎泉三眼泉水得名，村里有一棵千年古樟。登山环线全长7.3公里，有一段玻璃栈道，途经青化书屋和白风岭；带小孩可以改走3.3公里的亲子线。山路有上下坡，请穿防滑鞋、带足饮水，雨天不建议上山。",
    descriptionEn:
      "Sanquanwang is named for three springs, the Dragon, Ox and Tiger springs, and has a thousand-year-old camphor tree. Its hiking loop is 7.3 km long with a glass walkway, passing Qinghua Reading House and Baifeng Ridge; with small children, take the 3.3 km family route instead. The path climbs and drops, so wear shoes with grip, carry enough water and stay off the hill in rain.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再打车到三泉王村（所前镇区以南）；也可乘公交，但线路时有调整，出发前请先查询。自驾从通惠路或市心路上所前大道进镇，再导航到三泉王村。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a taxi to Sanquanwang village, south of the town centre; buses also run, but routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) from Tonghui Road or Shixin Road and follow navigation to Sanquanwang.",
    difficulty: "MODERATE",
    months: [1, 2, 3, 4, 5, 10, 11, 12],
    stops: [
      {
        place: "sanquanwang",
        suggestedMinutes: 40,
        noteZh: "从村里出发，先看三眼泉和古樟。",
        noteEn: "Start in the village with the springs and the old camphor.",
      },
      {
        place: "qinghua-study",
        suggestedMinutes: 45,
        noteZh: "诸坞林道边的书屋，可歇脚读书。",
        noteEn: "A reading house on the Zhuwu forest road; rest and read.",
      },
      {
        place: "baifengling",
        suggestedMinutes: 60,
        noteZh: "山脊路段，雨后湿滑。",
        noteEn: "The ridge section; slippery after rain.",
      },
      {
        place: "sanquanwang",
        suggestedMinutes: 60,
        noteZh: "沿环线下山回村。",
        noteEn: "Follow the loop back down to the village.",
      },
    ],
  },

  // ─── 采摘游 Picking tours ──────────────────────────────────────────────────
  {
    slug: "picking-cherries-xiangliwang",
    category: "PICKING",
    titleZh: "四五月摘樱桃：祥里王樱桃园",
    titleEn: "Cherry picking in April and May at Xiangliwang",
    summaryZh: "四五月到祥里王村的樱桃园采摘，顺路参观王华炎纪念馆，再去三泉王村看古樟。",
    summaryEn:
      "Pick cherries at the Xiangliwang orchards in April and May, with the Wang Huayan Memorial Hall on the way and the old camphor at Sanquanwang to finish.",
    descriptionZh:
      "所前种有一千多亩樱桃，本地樱桃一般4月上市、5月结束，刚上市时每斤30元左右。祥里王村的明良园区有200亩樱桃，樱桃节期间周末按场次预约入园采摘。樱桃娇嫩，雨后容易裂果，晴天去更好。",
    descriptionEn:
      "Suoqian grows more than 1,000 mu of cherries; local fruit usually comes in during April and finishes in May, starting at about 30 yuan a jin. The Mingliang park at Xiangliwang has 200 mu of cherries, and during the cherry festival you book a timed weekend session to pick. Cherries are delicate and split after rain, so a dry day is best.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到王华炎纪念馆（所前镇区以南）；公交线路时有调整，出发前请先查询。自驾从通惠路或市心路上所前大道进镇，再导航到祥里王村，樱桃季周末车多，尽量早到。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to the Wang Huayan Memorial Hall, south of the town centre; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) from Tonghui Road or Shixin Road and follow navigation to Xiangliwang; weekends in cherry season are busy, so arrive early.",
    difficulty: "EASY",
    months: [4, 5],
    stops: [
      { place: "wang-huayan-memorial", suggestedMinutes: 40 },
      {
        place: "xiangliwang",
        suggestedMinutes: 90,
        noteZh: "樱桃节周末需按场次预约。",
        noteEn: "Festival weekends need a booked session.",
      },
      { place: "sanquanwang", suggestedMinutes: 45 },
    ],
  },
  {
    slug: "picking-strawberries-aozhuangchen",
    category: "PICKING",
    titleZh: "冬春摘草莓：袄庄陈村亲亲果园",
    titleEn: "Winter and spring strawberry picking at Aozhuangchen",
    summaryZh: "冬春时节到袄庄陈村的萧山亲亲果园摘草莓，来回顺路走走里士湖和祥里王的果园。",
    summaryEn:
      "Pick strawberries at the Xiaoshan Qinqin orchard in Aozhuangchen in winter and spring, with Lishi Lake and the Xiangliwang orchards on the way.",
    descriptionZh:
      "萧山亲亲果园在袄庄陈村，冬春两季可以采摘草莓，适合带小孩。出发前可在金临湖村的里士湖边散散步；回程经过祥里王村，初冬还能在工坊买到红美人柑橘。草莓每周成熟情况不同，去之前最好先问问果园。",
    descriptionEn:
      "The Xiaoshan Qinqin orchard in Aozhuangchen village offers strawberry picking through winter and spring and suits families with small children. Take a walk by Lishi Lake in Jinlinhu first; on the way back, Xiangliwang's workshop sells Hongmeiren citrus in early winter. How much fruit is ripe changes week by week, so ask the orchard before you go.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到金临湖村（所前镇政府以南）；公交线路时有调整，出发前请先查询。自驾从通惠路或市心路上所前大道进镇，再导航到袄庄陈村。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to Jinlinhu village, just south of the town government; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) from Tonghui Road or Shixin Road and follow navigation to Aozhuangchen.",
    difficulty: "EASY",
    months: [12, 1, 2, 3, 4],
    stops: [
      { place: "jinlinhu", suggestedMinutes: 30 },
      {
        place: "aozhuangchen",
        suggestedMinutes: 90,
        noteZh: "萧山亲亲果园，采摘草莓。",
        noteEn: "Strawberry picking at the Xiaoshan Qinqin orchard.",
      },
      { place: "xiangliwang", suggestedMinutes: 30 },
    ],
  },
  {
    slug: "picking-bayberries-dujia",
    category: "PICKING",
    titleZh: "六月杨梅季：传芳—杜家—杭州生态园",
    titleEn: "Bayberry season in June: Chuanfang, Dujia and the Hangzhou Ecological Park",
    summaryZh: "六月杨梅红了，从传芳村进山，到杜家村和杭州生态园的杨梅林里边摘边尝。",
    summaryEn:
      "When the bayberries ripen in June, go from Chuanfang up into the valley to pick and taste them at Dujia and in the Hangzhou Ecological Park.",
    descriptionZh:
      "所前2010年起是全国唯一的镇级“中国杨梅之乡”，杜家村在青化山脚的山谷里，有2438亩果园。杨梅一般6月中旬开摘，先上早色，6月25日前后甜度更高的迟色接上。杜家杨梅节的会场在杭州生态园，最大的采摘区就在园区深处；路边便宜的整篮杨梅不一定是本地货，想吃正宗的可以进园采摘或到共富工坊买。",
    descriptionEn:
      "Since 2010 Suoqian has been the only town in China to hold the title 'Home of Chinese Bayberries'. Dujia lies in a valley at the foot of Qinghua Mountain with 2,438 mu of orchards. Picking usually starts in mid-June with the early variety (zaose), and the sweeter late variety (chise) follows from about 25 June. The Dujia Bayberry Festival is held in the Hangzhou Ecological Park, whose biggest picking area lies deep inside; cheap roadside baskets are often not local fruit, so pick your own or buy from the common-prosperity workshop.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到传芳村；公交线路时有调整，出发前请先查询。自驾从通惠路或市心路上所前大道进镇，来娘线穿过传芳村；也可从萧山花木城走03省道东复线过来。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to Chuanfang village; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) from Tonghui Road or Shixin Road; the Lainiang road (来娘线) runs through Chuanfang. You can also come from Xiaoshan Flower and Tree City on the eastern relief line of provincial road 03.",
    difficulty: "EASY",
    months: [6, 7],
    stops: [
      { place: "chuanfang", suggestedMinutes: 30 },
      {
        place: "dujia",
        suggestedMinutes: 60,
        noteZh: "杨梅林多在坡地上，请穿防滑鞋。",
        noteEn: "Many bayberry trees grow on slopes; wear shoes with grip.",
      },
      {
        place: "eco-park",
        suggestedMinutes: 120,
        noteZh: "杨梅节会场，节期需按场次预约。",
        noteEn: "The festival venue; book a session during the festival.",
      },
    ],
  },
  {
    slug: "picking-spring-tea-qinghuashan",
    category: "PICKING",
    titleZh: "春茶时节：越王村—青化山—杜家茶园",
    titleEn: "Spring tea: Yuewang, Qinghua Mountain and the Dujia tea gardens",
    summaryZh: "清明前后到青化山一带看茶园，在杜家村看茶农采茶、尝一杯新茶。",
    summaryEn:
      "Around Qingming, walk the tea gardens of Qinghua Mountain and watch the spring picking at Dujia over a cup of new tea.",
    descriptionZh:
      "所前素有“茶果之乡”之称，青化山脚的沿山十八村多有茶园，杜家村就有700亩。每年3月下旬到4月是春茶季，清明前采制的明前茶最受欢迎。线路从越王村出发，经青化山一带的茶园到杜家村，以乡村道路为主，有缓坡。",
    descriptionEn:
      "Suoqian is known locally as a home of tea and fruit; many of the 'eighteen villages along the mountains' at the foot of Qinghua Mountain grow tea, and Dujia alone has 700 mu. Spring tea runs from late March into April, and the pre-Qingming (mingqian) pickings are the most prized. The route goes from Yuewang village through the tea gardens around Qinghua Mountain to Dujia, mostly on village roads with gentle slopes.",
    gettingThereZh:
      "乘地铁5号线到杭州火车南站，再换乘公交或打车到越王村；公交线路时有调整，出发前请先查询。自驾从所前大道进镇后走来娘线，过传芳村往东即到越王村。",
    gettingThereEn:
      "Take Metro Line 5 to Hangzhou South Railway Station, then a bus or taxi to Yuewang village; bus routes change, so check before you set out. By car, take Suoqian Avenue (所前大道) into town and then the Lainiang road (来娘线); Yuewang lies just east of Chuanfang.",
    difficulty: "EASY",
    months: [3, 4, 5],
    stops: [
      { place: "yuewang", suggestedMinutes: 20 },
      {
        place: "qinghuashan",
        suggestedMinutes: 60,
        noteZh: "青化山一带的茶园。",
        noteEn: "Tea gardens around Qinghua Mountain.",
      },
      {
        place: "dujia",
        suggestedMinutes: 60,
        noteZh: "700亩茶园，可到工坊尝新茶。",
        noteEn: "700 mu of tea; taste the new season's tea at the workshop.",
      },
    ],
  },
];

export const workshops: SeedWorkshop[] = [
  {
    slug: "dujia-bayberry",
    nameZh: "杜家杨梅共富工坊",
    nameEn: "Dujia Bayberry Common-Prosperity Workshop",
    storyZh:
      "杜家村在青化山脚的山谷里，有2438亩果园、700亩茶园，杜家杨梅节从1999年办起，2022年已是第二十四届。镇里与明康汇合作建设共富工坊，帮村里的梅农把杨梅集中包装、统一对外销售，少走中间环节。",
    storyEn:
      "Dujia lies in a valley at the foot of Qinghua Mountain, with 2,438 mu of orchards and 700 mu of tea, and has held its bayberry festival since 1999; the 24th was in 2022. The town built its common-prosperity workshops with Mingkanghui, and this one helps village growers pack their bayberries together and sell them directly, with fewer middlemen.",
    village: "杜家村",
    place: "dujia",
    openingHoursZh: "每天 8:00–17:00（杨梅季 7:00–18:00）",
    openingHoursEn: "Daily 8:00–17:00 (7:00–18:00 in bayberry season)",
    phone: "0571-8000-0001",
  },
  {
    slug: "xiangliwang-cherry-citrus",
    nameZh: "祥里王樱桃柑橘共富工坊",
    nameEn: "Xiangliwang Cherry & Citrus Common-Prosperity Workshop",
    storyZh:
      "祥里王村的数字农业示范园共400亩，其中樱桃200亩、红美人柑橘80亩。2022年萧山樱桃产业农合联成立后，工坊与农合联对接，把周边农户的樱桃、柑橘和草莓集中起来销售，春天卖樱桃，冬天卖红美人。",
    storyEn:
      "Xiangliwang's digital-agriculture demonstration park covers 400 mu, with 200 mu of cherries and 80 mu of Hongmeiren citrus. Since the Xiaoshan cherry farmers' cooperative was founded in 2022, the workshop has worked with it to sell cherries, citrus and strawberries from nearby growers together: cherries in spring, Hongmeiren in winter.",
    village: "祥里王村",
    place: "xiangliwang",
    openingHoursZh: "每天 8:30–17:00（樱桃季 7:30–18:00）",
    openingHoursEn: "Daily 8:30–17:00 (7:30–18:00 in cherry season)",
    phone: "0571-8000-0002",
  },
  {
    slug: "sanquanwang-tea-mountain-produce",
    nameZh: "三泉王茶叶山货共富工坊",
    nameEn: "Sanquanwang Tea & Mountain Produce Common-Prosperity Workshop",
    storyZh:
      "三泉王村2022年入选杭州市首批共富村，也是区级数字乡村样板村。工坊收村民自家炒制的春茶和晒制的笋干，统一包装后在村里和明康汇的渠道销售，走完登山环线的游客下山就能买到。",
    storyEn:
      "Sanquanwang was named one of Hangzhou's first common-prosperity villages in 2022 and is a district model digital village. The workshop buys spring tea and dried bamboo shoots made by villagers at home, packs them under one label and sells them in the village and through Mingkanghui, so hikers can pick some up at the end of the loop.",
    village: "三泉王村",
    place: "sanquanwang",
    openingHoursZh: "每天 8:30–17:00（周末至 18:00）",
    openingHoursEn: "Daily 8:30–17:00 (until 18:00 at weekends)",
    phone: "0571-8000-0003",
  },
  {
    slug: "chuanfang-farmhouse-kitchen",
    nameZh: "传芳农家味共富工坊",
    nameEn: "Chuanfang Farmhouse Flavours Common-Prosperity Workshop",
    storyZh:
      "镇里正在谋划明康汇中央厨房，发展“预制菜”产业。传芳村的工坊从身边做起，用本地杨梅泡杨梅酒、做杨梅干，按老做法烧梅干菜扣肉，做成一份份半成品，在工坊自提。",
    storyEn:
      "The town is planning a Mingkanghui central kitchen to grow a prepared-food industry. Chuanfang's workshop starts close to home: bayberry wine and dried bayberries from local fruit, and braised pork with preserved mustard greens cooked the old way, sold in ready-to-heat portions for pickup at the workshop.",
    village: "传芳村",
    place: "chuanfang",
    openingHoursZh: "周二至周日 9:00–17:00（周一休息）",
    openingHoursEn: "Tuesday–Sunday 9:00–17:00 (closed Mondays)",
    phone: "0571-8000-0004",
  },
];

export const farmers: SeedFarmer[] = [
  {
    email: "farmer@suoqian.test",
    name: "杜建国",
    displayName: "杜师傅家的杨梅",
    village: "杜家村",
    phone: "13800000001",
    workshop: "dujia-bayberry",
  },
  {
    email: "farmer.wang@suoqian.test",
    name: "王卫东",
    displayName: "王家樱桃园",
    village: "祥里王村",
    phone: "13800000002",
    workshop: "xiangliwang-cherry-citrus",
  },
  {
    email: "farmer.chen@suoqian.test",
    name: "陈海明",
    displayName: "袄庄陈家的草莓",
    village: "袄庄陈村",
    phone: "13800000003",
    workshop: "xiangliwang-cherry-citrus",
  },
  {
    email: "farmer.shen@suoqian.test",
    name: "沈桂芳",
    displayName: "沈阿姨的山茶笋干",
    village: "三泉王村",
    phone: "13800000004",
    workshop: "sanquanwang-tea-mountain-produce",
  },
  {
    email: "farmer.li@suoqian.test",
    name: "李美华",
    displayName: "传芳李家灶头",
    village: "传芳村",
    phone: "13800000005",
    workshop: "chuanfang-farmhouse-kitchen",
  },
];

const DEMO_FARMER = "farmer@suoqian.test";

export const products: SeedProduct[] = [
  // 杜建国 (demo farmer), Dujia
  {
    slug: "dujia-zaose-bayberries",
    farmer: DEMO_FARMER,
    workshop: "dujia-bayberry",
    category: "FRUIT",
    nameZh: "杜家早色杨梅",
    nameEn: "Dujia early-variety (zaose) bayberries",
    descriptionZh: "本地早色品种，6月中旬最先成熟，酸甜适口。当天早上现摘，按斤称。",
    descriptionEn:
      "The local early variety, first to ripen in mid-June, sweet with a little tartness. Picked the same morning, sold by the jin.",
    unit: "JIN",
    priceCents: 3800,
    stock: 400,
    harvest: { from: { month: 6, day: 12 }, to: { month: 6, day: 28 } },
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 2500,
  },
  {
    slug: "dujia-chise-bayberries",
    farmer: DEMO_FARMER,
    workshop: "dujia-bayberry",
    category: "FRUIT",
    nameZh: "杜家迟色杨梅",
    nameEn: "Dujia late-variety (chise) bayberries",
    descriptionZh: "本地迟色品种，6月25日前后上市，比早色更甜。按斤称，快递走冷链。",
    descriptionEn:
      "The local late variety, in from about 25 June and sweeter than the early one. Sold by the jin; couriered in cold chain.",
    unit: "JIN",
    priceCents: 4800,
    stock: 300,
    harvest: { from: { month: 6, day: 24 }, to: { month: 7, day: 8 } },
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 2500,
  },
  {
    slug: "dujia-dongkui-bayberries",
    farmer: DEMO_FARMER,
    workshop: "dujia-bayberry",
    category: "FRUIT",
    nameZh: "东魁杨梅",
    nameEn: "Dongkui bayberries",
    descriptionZh: "东魁是大果品种，个头大、汁水多，成熟偏晚。按斤称。",
    descriptionEn: "Dongkui is a large-fruited variety, big and juicy, ripening late in the season. Sold by the jin.",
    unit: "JIN",
    priceCents: 5800,
    stock: 200,
    harvest: { from: { month: 6, day: 20 }, to: { month: 7, day: 8 } },
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 2500,
  },
  {
    slug: "dujia-bayberry-gift-box",
    farmer: DEMO_FARMER,
    workshop: "dujia-bayberry",
    category: "FRUIT",
    nameZh: "杜家杨梅礼盒（5斤装）",
    nameEn: "Dujia bayberry gift box (5 jin)",
    descriptionZh: "挑选当季好果，约5斤一盒，带冰袋包装，适合送人。早色、迟色按上市时间发。",
    descriptionEn:
      "About 5 jin of picked-over fruit in a box with ice packs, good as a gift. Early or late variety, whichever is in season.",
    unit: "BOX",
    priceCents: 16800,
    stock: 120,
    harvest: { from: { month: 6, day: 15 }, to: { month: 7, day: 5 } },
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 2500,
  },

  // 王卫东, Xiangliwang
  {
    slug: "xiangliwang-cherries",
    farmer: "farmer.wang@suoqian.test",
    workshop: "xiangliwang-cherry-citrus",
    category: "FRUIT",
    nameZh: "祥里王樱桃",
    nameEn: "Xiangliwang cherries",
    descriptionZh: "所前本地樱桃，4月中旬开摘，5月中旬结束，皮薄汁多、酸甜可口。按斤称。",
    descriptionEn:
      "Local Suoqian cherries, picked from mid-April to mid-May: thin-skinned, juicy, sweet and tart. Sold by the jin.",
    unit: "JIN",
    priceCents: 3000,
    stock: 250,
    harvest: { from: { month: 4, day: 15 }, to: { month: 5, day: 15 } },
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 2000,
  },
  {
    slug: "xiangliwang-cherry-box",
    farmer: "farmer.wang@suoqian.test",
    workshop: "xiangliwang-cherry-citrus",
    category: "FRUIT",
    nameZh: "樱桃礼盒（3斤装）",
    nameEn: "Cherry gift box (3 jin)",
    descriptionZh: "约3斤一盒，分装小盒，带冰袋。樱桃不耐放，收到后请尽快吃完。",
    descriptionEn:
      "About 3 jin in small punnets with ice packs. Cherries do not keep, so eat them soon after they arrive.",
    unit: "BOX",
    priceCents: 9800,
    stock: 80,
    harvest: { from: { month: 4, day: 18 }, to: { month: 5, day: 10 } },
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 2000,
  },
  {
    slug: "xiangliwang-hongmeiren-citrus",
    farmer: "farmer.wang@suoqian.test",
    workshop: "xiangliwang-cherry-citrus",
    category: "FRUIT",
    nameZh: "红美人柑橘",
    nameEn: "Hongmeiren citrus",
    descriptionZh: "祥里王的红美人柑橘，皮薄易剥、汁多化渣，初冬上市。按斤称。",
    descriptionEn:
      "Hongmeiren citrus from Xiangliwang: thin, easy-peel skin and very juicy flesh, in from early winter. Sold by the jin.",
    unit: "JIN",
    priceCents: 2000,
    stock: 300,
    harvest: { from: { month: 11, day: 15 }, to: { month: 12, day: 31 } },
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 1500,
  },

  // 陈海明, Aozhuangchen strawberries (sold through the Xiangliwang workshop)
  {
    slug: "aozhuangchen-first-crop-strawberries",
    farmer: "farmer.chen@suoqian.test",
    workshop: "xiangliwang-cherry-citrus",
    category: "FRUIT",
    nameZh: "头茬草莓",
    nameEn: "First-crop strawberries",
    descriptionZh: "12月上市的头茬草莓，个大味浓，产量少。按斤称，当天采摘。",
    descriptionEn:
      "The first crop, in from December: large, full-flavoured and scarce. Picked on the day, sold by the jin.",
    unit: "JIN",
    priceCents: 5000,
    stock: 80,
    harvest: { from: { month: 12, day: 1 }, to: { month: 12, day: 31 } },
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 2000,
  },
  {
    slug: "aozhuangchen-spring-strawberries",
    farmer: "farmer.chen@suoqian.test",
    workshop: "xiangliwang-cherry-citrus",
    category: "FRUIT",
    nameZh: "袄庄陈草莓",
    nameEn: "Aozhuangchen strawberries",
    descriptionZh: "1月到4月陆续采收，酸甜适中，适合全家吃。按斤称，当天采摘。",
    descriptionEn:
      "In season from January to April, nicely balanced, for the whole family. Picked on the day, sold by the jin.",
    unit: "JIN",
    priceCents: 3500,
    stock: 200,
    harvest: { from: { month: 1, day: 1 }, to: { month: 4, day: 30 } },
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 2000,
  },

  // 沈桂芳, Sanquanwang
  {
    slug: "sanquanwang-mingqian-longjing",
    farmer: "farmer.shen@suoqian.test",
    workshop: "sanquanwang-tea-mountain-produce",
    category: "TEA",
    nameZh: "明前龙井",
    nameEn: "Pre-Qingming Longjing tea",
    descriptionZh: "清明前采摘、手工炒制的龙井茶，豆花香，滋味鲜爽。每斤分装两罐。",
    descriptionEn:
      "Longjing picked before Qingming and pan-fired by hand: a roasted-bean aroma and a fresh, brisk taste. Each jin comes in two tins.",
    unit: "JIN",
    priceCents: 68000,
    stock: 40,
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 1000,
  },
  {
    slug: "sanquanwang-spring-green-tea",
    farmer: "farmer.shen@suoqian.test",
    workshop: "sanquanwang-tea-mountain-produce",
    category: "TEA",
    nameZh: "雨前绿茶",
    nameEn: "Pre-Guyu green tea",
    descriptionZh: "谷雨前采制的春茶，耐冲泡，是日常喝的口粮茶。按斤卖。",
    descriptionEn:
      "Spring tea picked before Guyu; holds up to several infusions, a good everyday tea. Sold by the jin.",
    unit: "JIN",
    priceCents: 32000,
    stock: 120,
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 1000,
  },
  {
    slug: "sanquanwang-dried-bamboo-shoots",
    farmer: "farmer.shen@suoqian.test",
    workshop: "sanquanwang-tea-mountain-produce",
    category: "BAMBOO",
    nameZh: "手剥笋干",
    nameEn: "Hand-peeled dried bamboo shoots",
    descriptionZh: "春笋煮熟后手工剥壳、晒干，炖肉、烧汤都好。按斤卖，泡发后再用。",
    descriptionEn:
      "Spring shoots boiled, peeled by hand and sun-dried; good in braised pork or soup. Sold by the jin; soak before cooking.",
    unit: "JIN",
    priceCents: 8800,
    stock: 150,
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 1000,
  },

  // 李美华, Chuanfang
  {
    slug: "chuanfang-bayberry-wine",
    farmer: "farmer.li@suoqian.test",
    workshop: "chuanfang-farmhouse-kitchen",
    category: "PRESERVES",
    nameZh: "杨梅烧酒（两瓶装）",
    nameEn: "Bayberry wine (box of two bottles)",
    descriptionZh: "用当季杨梅浸泡的杨梅烧酒，两瓶一盒。含酒精，未成年人请勿购买。",
    descriptionEn:
      "Spirit steeped with in-season bayberries, two bottles to a box. Contains alcohol; not for sale to minors.",
    unit: "BOX",
    priceCents: 12800,
    stock: 60,
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 1500,
  },
  {
    slug: "chuanfang-dried-bayberries",
    farmer: "farmer.li@suoqian.test",
    workshop: "chuanfang-farmhouse-kitchen",
    category: "PRESERVES",
    nameZh: "杨梅干",
    nameEn: "Dried bayberries",
    descriptionZh: "本地杨梅腌制后晒干，酸甜开胃，常温存放。按斤卖。",
    descriptionEn: "Local bayberries cured and sun-dried, sweet and sour; keeps at room temperature. Sold by the jin.",
    unit: "JIN",
    priceCents: 6800,
    stock: 100,
    pickupAtWorkshop: true,
    pickupAtFestival: true,
    delivery: true,
    deliveryFeeCents: 1000,
  },
  {
    slug: "chuanfang-radish-pickle",
    farmer: "farmer.li@suoqian.test",
    workshop: "chuanfang-farmhouse-kitchen",
    category: "PRESERVES",
    nameZh: "萧山萝卜干",
    nameEn: "Xiaoshan dried pickled radish",
    descriptionZh: "冬天的萝卜切条腌制风干，咸香脆口，下粥炒肉都行。按斤卖。",
    descriptionEn:
      "Winter radish cut into strips, salted and air-dried: savoury and crunchy, with rice porridge or stir-fried pork. Sold by the jin.",
    unit: "JIN",
    priceCents: 2000,
    stock: 200,
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: true,
    deliveryFeeCents: 1000,
  },
  {
    slug: "chuanfang-meigancai-pork",
    farmer: "farmer.li@suoqian.test",
    workshop: "chuanfang-farmhouse-kitchen",
    category: "PREPARED",
    nameZh: "梅干菜扣肉（半成品）",
    nameEn: "Braised pork with preserved mustard greens (ready to heat)",
    descriptionZh: "五花肉配梅干菜，按老做法蒸好后分装，回家再蒸20分钟即可。每份约1斤，现做现取，请在工坊自提后冷藏。",
    descriptionEn:
      "Pork belly with preserved mustard greens, steamed the traditional way and portioned; steam for 20 minutes at home. About 1 jin a portion, made to order; collect at the workshop and keep chilled.",
    unit: "PORTION",
    priceCents: 5800,
    stock: null,
    pickupAtWorkshop: true,
    pickupAtFestival: false,
    delivery: false,
    deliveryFeeCents: 0,
  },
];

export const festivals: SeedFestival[] = [
  {
    slug: "bayberry-festival",
    kind: "BAYBERRY",
    organiser: "organiser@suoqian.test",
    nameZh: "杜家杨梅节",
    nameEn: "Dujia Bayberry Festival",
    summaryZh: "每年6月在杭州生态园举办的杨梅节，按场次预约入园，亲手采摘所前杨梅。",
    summaryEn:
      "Suoqian's bayberry festival, held each June in the Hangzhou Ecological Park: book a session and pick your own.",
    descriptionZh:
      "萧山杜家杨梅节从1999年开始举办，2022年已是第二十四届。所前2010年起是全国唯一的镇级“中国杨梅之乡”，杨梅一般6月中旬开摘，先是早色，6月25日前后甜度更高的迟色上市。会场设在杭州生态园，最大的杜家采摘区就在园区深处；节期周五至周日开放，每场限定人数，请按场次预约。",
    descriptionEn:
      "The Xiaoshan Dujia Bayberry Festival has been held since 1999; 2022 saw the 24th. Since 2010 Suoqian has been the only town in China to hold the title 'Home of Chinese Bayberries'. Picking usually starts in mid-June with the early variety (zaose), and the sweeter late variety (chise) comes in around 25 June. The festival is held in the Hangzhou Ecological Park, whose biggest Dujia picking area lies deep inside; it opens Friday to Sunday with a capped number of visitors per session, so book a session in advance.",
    venueZh: "杭州生态园（杜家村东侧）",
    venueEn: "Hangzhou Ecological Park (east of Dujia village)",
    place: "eco-park",
    season: { from: { month: 6, day: 13 }, to: { month: 7, day: 5 } },
    weekdays: [0, 5, 6],
    sessions: [
      { start: "08:00", end: "10:00", capacity: 120, labelZh: "早场", labelEn: "Early" },
      { start: "10:00", end: "12:00", capacity: 150, labelZh: "上午场", labelEn: "Morning" },
      { start: "14:00", end: "16:00", capacity: 150, labelZh: "下午场", labelEn: "Afternoon" },
    ],
    ticketTypes: [
      {
        nameZh: "入园采摘票·含一篮",
        nameEn: "Entry and picking, one basket included",
        descriptionZh: "一人入园采摘，含一个采摘篮，摘满可带走。",
        descriptionEn: "Entry and picking for one person, with one basket to fill and take home.",
        priceCents: 8800,
        admissions: 1,
        maxPerOrder: 10,
      },
      {
        nameZh: "儿童票",
        nameEn: "Child ticket",
        descriptionZh: "身高1.2米以下儿童，须有成人陪同，不含采摘篮。",
        descriptionEn: "Children under 1.2 m, with an adult; no basket included.",
        priceCents: 3800,
        admissions: 1,
        maxPerOrder: 10,
      },
      {
        nameZh: "家庭票",
        nameEn: "Family ticket",
        descriptionZh: "两位成人加一名儿童（1.2米以下），含两个采摘篮。",
        descriptionEn: "Two adults and one child under 1.2 m, with two baskets.",
        priceCents: 19800,
        admissions: 3,
        maxPerOrder: 4,
      },
    ],
    salesOpenDaysBefore: 45,
    cancellationCutoffHours: 24,
    maxTicketsPerOrder: 10,
  },
  {
    slug: "cherry-festival",
    kind: "CHERRY",
    organiser: "organiser.cherry@suoqian.test",
    nameZh: "所前樱桃节",
    nameEn: "Suoqian Cherry Festival",
    summaryZh: "四五月的周末在祥里王村樱桃园分场次入园，采摘所前本地樱桃。",
    summaryEn: "Weekend picking sessions in the Xiangliwang cherry orchards in April and May.",
    descriptionZh:
      "所前种有一千多亩樱桃，2022年召开了萧山樱桃产业农合联成立大会。樱桃节设在祥里王村的樱桃园，园区里有200亩樱桃；节期只在周六、周日开放，每天上午、下午各一场。采摘票含一斤樱桃，儿童票不含。",
    descriptionEn:
      "Suoqian grows more than 1,000 mu of cherries, and the Xiaoshan cherry farmers' cooperative held its founding meeting here in 2022. The festival takes place in the Xiangliwang orchards, which have 200 mu of cherries; it opens on Saturdays and Sundays only, with a morning and an afternoon session each day. The picking ticket includes one jin of cherries; the child ticket does not.",
    venueZh: "祥里王村樱桃园",
    venueEn: "Xiangliwang cherry orchards",
    place: "xiangliwang",
    season: { from: { month: 4, day: 18 }, to: { month: 5, day: 10 } },
    weekdays: [0, 6],
    sessions: [
      { start: "09:00", end: "11:00", capacity: 100, labelZh: "上午场", labelEn: "Morning" },
      { start: "13:30", end: "15:30", capacity: 100, labelZh: "下午场", labelEn: "Afternoon" },
    ],
    ticketTypes: [
      {
        nameZh: "采摘票·含一斤",
        nameEn: "Picking ticket, one jin included",
        descriptionZh: "一人入园采摘，含一斤樱桃。",
        descriptionEn: "Entry and picking for one person, including one jin of cherries.",
        priceCents: 6800,
        admissions: 1,
        maxPerOrder: 8,
      },
      {
        nameZh: "儿童票",
        nameEn: "Child ticket",
        descriptionZh: "身高1.2米以下儿童，须有成人陪同，不含樱桃。",
        descriptionEn: "Children under 1.2 m, with an adult; no cherries included.",
        priceCents: 2800,
        admissions: 1,
        maxPerOrder: 8,
      },
    ],
    salesOpenDaysBefore: 30,
    cancellationCutoffHours: 24,
    maxTicketsPerOrder: 8,
  },
];
