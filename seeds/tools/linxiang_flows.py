import csv, json, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
PLAN = "plan"
E = []  # id,name,name_en,zone,chains,sector,lat,lon,status,output,energy,above,source
def ent(id, name, en, zone, chains, sector, lat, lon, status, output, energy, above, source):
    E.append([id, name, en, zone, chains, sector, lat, lon, status, output, energy, above, source])
ILL = "illustrative enterprise (not a real company); figures: estimate; coordinates: estimate within the zone"
def named(ref): return f"plan {ref} (named); figures: estimate; coordinates: estimate within the zone"
# --- utilities (green chemical park)
ent("ut-chp","园区集中供热热电站（示意）","park centralised steam and power plant (illustrative)","green-chem","other;fine-chemicals","4412","29.5021","113.4712","operating","68000","210000","true","plan §三(七)1 calls for centralised steam/heat supply; enterprise illustrative; figures: estimate")
ent("ut-wwtp","高新区污水处理厂（示意）","High-tech Zone wastewater treatment plant (illustrative)","green-chem","other","4620","29.4985","113.4790","operating","3200","4200","true","plan §三(七)1 wastewater and sludge reuse; enterprise illustrative; figures: estimate")
ent("ut-gas","滨江天然气供应项目","Binjiang natural-gas supply project","binjiang","other","4500","29.6105","113.3301","operating","12000","800","true",named("§三(一) Binjiang natural-gas supply project"))
ent("ut-pv","桃矿20MW分布式光伏","Taolin mine 20 MW distributed PV","taolin","other","4416","29.3790","113.6010","operating","1600","60","false",named("§桃矿 20 MW distributed PV"))
ent("ut-cdw","建筑垃圾资源化利用项目","construction-waste recycling project","baiyun","building-materials","4220","29.4205","113.5030","planned","","","false",named("专栏5 construction-waste recycling"))
ent("ut-foodwaste","餐厨垃圾资源化利用项目","food-waste recycling project","hq","agri-products;other","7820","29.4770","113.4480","planned","","","false",named("专栏5 food-waste recycling"))
# --- fine chemicals, green chemical park (downstream of Yueyang petrochemical complex)
gc = [
 ("gc-caprolactam","己内酰胺及下游精细化工企业（示意）","caprolactam and downstream fine chemicals (illustrative)","2614","29.5050","113.4655","185000","96000"),
 ("gc-plastics","工程塑料改性企业（示意）","engineering-plastics compounder (illustrative)","2651","29.5068","113.4690","64000","12500"),
 ("gc-solvent","溶剂法精细化学品企业（示意）","solvent-based fine-chemicals maker (illustrative)","2661","29.5032","113.4625","38000","9800"),
 ("gc-coatings","功能涂料与树脂企业（示意）","functional coatings and resins maker (illustrative)","2641","29.5088","113.4731","29000","5200"),
 ("gc-intermediate","医药农药中间体企业（示意）","pharmaceutical and agrochemical intermediates (illustrative)","2614","29.5012","113.4668","42000","15800"),
 ("gc-pigment","颜料中间体企业（示意）","pigment intermediates maker (illustrative)","2643","29.5101","113.4702","21000","6100"),
 ("gc-hydrogen","脱氢装置（副产氢）企业（示意）","dehydrogenation unit with byproduct hydrogen (illustrative)","2614","29.5040","113.4740","56000","31000"),
 ("gc-catalyst","催化剂与助剂企业（示意）","catalysts and additives maker (illustrative)","2669","29.5110","113.4660","18000","4300"),
 ("gc-newmat","化工新材料企业（示意）","new chemical materials maker (illustrative)","2659","29.5125","113.4688","47000","11200"),
]
for id,n,en,sec,lat,lon,ov,tce in gc:
    ent(id,n,en,"green-chem","fine-chemicals",sec,lat,lon,"operating",ov,tce,"true",ILL)
# --- Binjiang riverside chemical plants (1 km from the Yangtze: exit or relocate)
bj = [
 ("bj-chem-1","滨江沿江化工厂甲（示意）","Binjiang riverside chemical plant A (illustrative)","2614","29.6152","113.3215","relocating","26000","14200"),
 ("bj-chem-2","滨江沿江化工厂乙（示意）","Binjiang riverside chemical plant B (illustrative)","2661","29.6120","113.3268","relocating","17500","8700"),
 ("bj-chem-3","滨江沿江化工厂丙（示意）","Binjiang riverside chemical plant C (illustrative)","2631","29.6181","113.3190","relocating","9800","5100"),
 ("bj-chem-4","滨江沿江化工厂丁（示意）","Binjiang riverside chemical plant D (illustrative)","2614","29.6098","113.3242","closed","",""),
 ("bj-chem-5","滨江沿江化工厂戊（示意）","Binjiang riverside chemical plant E (illustrative)","2662","29.6165","113.3288","closed","",""),
]
for id,n,en,sec,lat,lon,st,ov,tce in bj:
    ent(id,n,en,"binjiang","fine-chemicals",sec,lat,lon,st,ov,tce,"true","plan §三(一)1 riverside 1 km chemical exit/relocation; enterprise illustrative; figures: estimate")
ent("bj-port","鸭栏港码头物流（示意）","Yalan port logistics (illustrative)","lingang","other","5532","29.6301","113.3012","operating","8600","1900","true","plan (Yalan port berths for ore, sand, building materials); enterprise illustrative; figures: estimate")
# --- building materials / fishing floats
ent("bm-conch","临湘海螺水泥","Linxiang Conch Cement","sanwan","building-materials","3011","29.4512","113.4188","operating","145000","168000","true",named("专栏1 / §三(一) Sanwan cement (海螺水泥)"))
ent("bm-haichuang","海创水泥窑协同处置","Haichuang cement kiln co-processing","sanwan","building-materials;other","3011","29.4478","113.4233","operating","52000","71000","true",named("专栏5 cement-kiln co-processing of solid and hazardous waste"))
ent("bm-zhaobang","兆邦陶瓷","Zhaobang Ceramics","sanwan","building-materials","3071","29.4540","113.4262","operating","88000","54000","true",named("§三(一) Sanwan ceramics (兆邦陶瓷)"))
ent("bm-fantai","凡泰","Fantai","sanwan","building-materials","3032","29.4556","113.4215","operating","23000","4800","true","plan §三(一) names 凡泰 among Sanwan leaders; product line (stone processing) assumed; figures: estimate")
ent("bm-stone-1","石材加工企业甲（示意）","stone processor A (illustrative)","sanwan","building-materials","3032","29.4495","113.4290","operating","8600","1500","true",ILL)
ent("bm-stone-2","石材加工企业乙（示意）","stone processor B (illustrative)","sanwan","building-materials","3032","29.4470","113.4301","operating","5200","900","false",ILL)
ent("bm-brick","新型墙体材料砖厂（示意）","wall-materials brick works (illustrative)","sanwan","building-materials","3031","29.4431","113.4175","operating","6800","9200","true",ILL)
ent("bm-aac","加气混凝土砌块厂（示意）","aerated-concrete block plant (illustrative)","sanwan","building-materials","3022","29.4583","113.4248","operating","9400","6100","true",ILL)
ent("bm-concrete","商品混凝土搅拌站（示意）","ready-mix concrete plant (illustrative)","hq","building-materials","3021","29.4801","113.4395","operating","15800","1300","true",ILL)
ent("by-prefab","白云装配式建筑构件厂（示意）","Baiyun prefabricated-components plant (illustrative)","baiyun","building-materials","3022","29.4188","113.5012","operating","32000","5600","true","plan: Baiyun mining area prefabricated-building park (zone named); enterprise illustrative; figures: estimate")
ent("by-prefab-2","装配式钢结构企业（示意）","prefab steel-structure maker (illustrative)","baiyun","building-materials","3311","29.4172","113.5055","operating","18500","3900","true",ILL)
for i,(lat,lon,ov,tce,above) in enumerate([("29.4862","113.4520","6200","820","true"),("29.4840","113.4551","3900","510","false"),("29.4885","113.4498","2800","380","false"),("29.4871","113.4575","7400","930","true")],1):
    ent(f"fl-float-{i}",f"浮标企业{'甲乙丙丁'[i-1]}（示意）",f"fishing-float maker {'ABCD'[i-1]} (illustrative)","hq","building-materials","2439",lat,lon,"operating",ov,tce,above,"plan context: Linxiang fishing-float (浮标) industry; enterprise illustrative; figures: estimate")
ent("tl-tailings","桃矿尾矿库","Taolin tailings pond","taolin","building-materials","0912","29.3825","113.6045","operating","800","120","false",named("§桃矿 tailings pond (尾矿库尾砂综合开发利用)"))
ent("tl-sand","桃矿尾砂综合利用项目","Taolin tailings-sand utilisation project","taolin","building-materials","3099","29.3841","113.6002","operating","4800","1600","false",named("专栏5 tailings-sand utilisation"))
# --- Lingang new industries
for id,n,en,sec,lat,lon,ov,tce in [
 ("lg-battery","动力电池企业（示意）","power-battery maker (illustrative)","3841","29.6215","113.3155","120000","24000"),
 ("lg-cathode","电池材料企业（示意）","battery-materials maker (illustrative)","3985","29.6232","113.3120","58000","19500"),
 ("lg-alloy","轻合金压铸企业（示意）","light-alloy die-casting plant (illustrative)","3392","29.6190","113.3188","36000","14200"),
 ("lg-steel","特种钢企业（示意）","special-steel plant (illustrative)","3130","29.6250","113.3080","98000","88000"),
 ("lg-electronics","电子元器件企业（示意）","electronic-components maker (illustrative)","3981","29.6205","113.3230","44000","5800")]:
    ent(id,n,en,"lingang","other",sec,lat,lon,"operating",ov,tce,"true","plan §三(一) Lingang new materials, electronics, light alloys, special steel, power batteries; enterprise illustrative; figures: estimate")
# --- agri-products
for id,n,en,sec,lat,lon,ov,tce,above in [
 ("ag-rice","功能大米加工企业（示意）","functional (Se/Zn) rice mill (illustrative)","1311","29.4752","113.4420","21000","2100","true"),
 ("ag-feed","饲料加工企业（示意）","feed mill (illustrative)","1320","29.4733","113.4455","26000","3100","true"),
 ("ag-pig","生猪养殖场（示意）","pig farm (illustrative)","0313","29.4650","113.4601","9800","1200","true"),
 ("ag-poultry","家禽养殖场（示意）","poultry farm (illustrative)","0321","29.4622","113.4635","4300","600","false"),
 ("ag-biogas","生物天然气站（示意）","biogas / bio-methane plant (illustrative)","4430","29.4668","113.4580","2600","150","false"),
 ("ag-tea","临湘青砖茶加工企业（示意）","Linxiang brick-tea processor (illustrative)","1530","29.4990","113.4745","16500","2400","true"),
 ("ag-bamboo","竹制品加工企业（示意）","bamboo products maker (illustrative)","2041","29.4712","113.4522","8700","1100","true"),
 ("ag-mushroom","食用菌基地（示意）","edible-mushroom farm (illustrative)","0141","29.4701","113.4548","2100","160","false"),
 ("ag-greenhouse","设施农业温室（示意）","greenhouse horticulture (illustrative)","0143","29.5002","113.4775","1800","950","false"),
 ("ag-fishfarm","水产养殖基地（示意）","fish farm (illustrative)","0412","29.4978","113.4760","1500","420","false"),
 ("ag-beverage","食品饮料企业（示意）","food and beverage plant (illustrative)","1523","29.4790","113.4432","19000","2600","true"),
 ("ag-fertilizer","复混肥企业（示意）","compound-fertiliser blender (illustrative)","2625","29.4688","113.4612","12500","1400","true")]:
    ent(id,n,en,"hq","agri-products",sec,lat,lon,"operating",ov,tce,above,"plan 专栏5 agri-products chain (rice, tea, bamboo, livestock); enterprise illustrative; figures: estimate")
ent("ag-charcoal","竹炭加工企业（示意）","bamboo-charcoal maker (illustrative)","hq","agri-products","2042","29.4725","113.4540","operating","3600","900","false","plan 专栏5 mentions bamboo charcoal; enterprise illustrative; figures: estimate")

F = []
def f(frm,to,mat,q,unit,src,status="existing"):
    F.append([frm,to,mat,q,unit,status,src])
est = lambda why: "estimate: "+why
# CHP
f("ext:import","ut-chp","coal","330000","t",est("210,000 tce/a at 0.714 tce/t raw coal (GB/T 2589-2020)"))
f("ext:import","ut-chp","fresh-water","1800000","m3",est("boiler and cooling make-up ~5.5 m3/t coal"))
f("ut-chp","gc-caprolactam","steam-mp","620000","t",est("caprolactam ~4–5 t steam per t product"))
f("ut-chp","gc-plastics","steam-lp","85000","t",est("compounding and drying"))
f("ut-chp","gc-solvent","steam-lp","60000","t",est("distillation duty"))
f("ut-chp","gc-intermediate","steam-mp","110000","t",est("reaction and distillation duty"))
f("ut-chp","gc-coatings","steam-lp","26000","t",est("resin cooking"))
f("ut-chp","gc-pigment","steam-lp","34000","t",est("drying"))
f("ut-chp","gc-newmat","steam-mp","72000","t",est("polymerisation"))
f("ut-chp","ag-tea","steam-lp","","t",est("steam link reported by the park, quantity not metered"))
f("ut-chp","ext:market","electricity","420000","MWh",est("CHP net export to grid"))
f("ut-chp","bm-conch","fly-ash","52000","t",est("fly ash 0.2 t/t coal; ~75% sold to cement"))
f("ut-chp","ext:landfill","fly-ash","14000","t",est("remainder of fly ash"))
f("ut-chp","ext:landfill","boiler-slag","30000","t",est("bottom slag ~0.09 t/t coal"))
f("ut-chp","bm-conch","fgd-gypsum","12000","t",est("wet FGD ~0.05 t gypsum/t coal at 1% S"))
f("ut-chp","ext:storage","fgd-gypsum","6500","t",est("stockpiled FGD gypsum"))
f("ut-chp","ext:atmosphere","waste-heat-flue","950000","GJ",est("boiler exhaust loss ~6% of fuel heat"))
f("ut-chp","ext:atmosphere","waste-heat-cooling-water","1800000","GJ",est("condenser heat rejection"))
f("ut-chp","ag-fishfarm","waste-heat-cooling-water","20000","GJ",est("warm condenser water to the adjacent fish ponds"))
f("ut-chp","ext:atmosphere","co2","640000","t",est("1.94 tCO2/t raw coal (IPCC 2006 default, 94.6 t/TJ)"))
f("ut-chp","ut-wwtp","industrial-wastewater","420000","m3",est("blowdown and desulphurisation wastewater"))
f("ut-wwtp","ut-chp","reclaimed-water","900000","m3",est("reclaimed water for cooling make-up"))
f("gc-caprolactam","ut-chp","fuel-gas","380000","GJ",est("process off-gas burned in CHP boilers"))
# caprolactam
f("ext:import","gc-caprolactam","benzene","95000","t","estimate: feed from the Yueyang petrochemical complex (plan §三(一)1 吃配)")
f("ext:import","gc-caprolactam","cyclohexanone","12000","t","estimate: Yueyang petrochemical complex supply")
f("ext:import","gc-caprolactam","sulfuric-acid","140000","t",est("oleum/acid use in Beckmann rearrangement"))
f("ext:import","gc-caprolactam","fresh-water","2600000","m3",est("~26 m3/t product"))
f("gc-caprolactam","ext:market","caprolactam","100000","t",est("product"))
f("gc-caprolactam","gc-plastics","caprolactam","18000","t",est("in-park supply to PA6 compounding"))
f("gc-caprolactam","ext:market","ammonium-sulfate","150000","t",est("~1.5 t ammonium sulfate per t caprolactam (conventional route)"))
f("gc-caprolactam","ext:atmosphere","waste-heat-medium","420000","GJ",est("reactor cooling and column condensers at ~200 °C"))
f("gc-caprolactam","ext:atmosphere","waste-heat-low","680000","GJ",est("low-grade condenser heat"))
f("gc-caprolactam","ut-wwtp","industrial-wastewater","1500000","m3",est("process wastewater"))
f("gc-caprolactam","ext:atmosphere","co2","36000","t",est("process and flare CO2"))
f("gc-caprolactam","bm-haichuang","distillation-residue","3800","t",est("heavy-ends from distillation"))
f("gc-caprolactam","ext:incineration","spent-catalyst","260","t",est("spent hydrogenation catalyst"))
# plastics
f("ext:import","gc-plastics","propylene","26000","t","estimate: Yueyang petrochemical complex supply")
f("ext:import","gc-plastics","electricity","42000","MWh",est("extrusion"))
f("gc-plastics","ext:market","engineering-plastics","48000","t",est("product"))
f("gc-plastics","ut-wwtp","industrial-wastewater","120000","m3",est("cooling bath and cleaning water"))
f("gc-plastics","ext:atmosphere","waste-heat-low","95000","GJ",est("extruder cooling"))
f("gc-plastics","ext:market","packaging-waste","900","t",est("sold to recyclers outside the park"))
# solvent
f("ext:import","gc-solvent","organic-solvent","8200","t",est("solvent make-up"))
f("ext:import","gc-solvent","benzene","15000","t","estimate: Yueyang petrochemical complex supply")
f("gc-solvent","ext:market","fine-chemicals","14000","t",est("product"))
f("gc-solvent","ext:incineration","spent-solvent","3100","t",est("spent solvent sent to licensed incineration"))
f("gc-solvent","ut-wwtp","industrial-wastewater","95000","m3",est("process wastewater"))
f("gc-solvent","ext:atmosphere","waste-heat-medium","88000","GJ",est("condenser duty"))
# coatings
f("ext:import","gc-coatings","organic-solvent","5600","t",est("solvent-borne coatings"))
f("ext:import","gc-coatings","resin","7200","t",est("binders"))
f("gc-coatings","ext:market","fine-chemicals","16000","t",est("coatings product"))
f("gc-coatings","fl-float-1","fine-chemicals","40","t",est("float paint supplied in-park"))
f("gc-coatings","bm-haichuang","paint-waste","620","t",est("off-spec paint and tank bottoms"))
f("gc-coatings","ext:incineration","spent-solvent","940","t",est("wash solvent"))
f("gc-coatings","ut-wwtp","industrial-wastewater","38000","m3",est("cleaning water"))
# intermediates
f("ext:import","gc-intermediate","sulfuric-acid","36000","t",est("sulfonation and nitration"))
f("ext:import","gc-intermediate","hydrochloric-acid","9000","t",est("acidification"))
f("ext:import","gc-intermediate","organic-solvent","4100","t",est("extraction solvent make-up"))
f("gc-intermediate","ext:market","fine-chemicals","12500","t",est("product"))
f("gc-intermediate","ext:incineration","spent-sulfuric-acid","24000","t",est("spent acid ~70% strength"))
f("gc-intermediate","ext:incineration","spent-hydrochloric-acid","5200","t",est("spent acid"))
f("gc-intermediate","ext:incineration","chemical-sludge","2100","t",est("treatment sludge"))
f("gc-intermediate","ut-wwtp","industrial-wastewater","260000","m3",est("process wastewater"))
f("gc-intermediate","ext:incineration","distillation-residue","1400","t",est("still bottoms"))
# pigment
f("ext:import","gc-pigment","sulfuric-acid","18000","t",est("acid use"))
f("ext:import","gc-pigment","hydrochloric-acid","6400","t",est("acid use"))
f("gc-pigment","ext:market","fine-chemicals","9000","t",est("product"))
f("gc-pigment","ext:incineration","spent-sulfuric-acid","9500","t",est("spent acid"))
f("gc-pigment","ut-wwtp","industrial-wastewater","180000","m3",est("process wastewater"))
f("gc-pigment","ext:atmosphere","waste-heat-flue","42000","GJ",est("dryer exhaust"))
# hydrogen unit
f("ext:import","gc-hydrogen","propylene","","t","estimate: Yueyang petrochemical complex supply, quantity confidential")
f("ext:import","gc-hydrogen","natural-gas","410000","GJ",est("furnace fuel"))
f("gc-hydrogen","ext:market","fine-chemicals","52000","t",est("product"))
f("gc-hydrogen","ext:atmosphere","byproduct-hydrogen","1900","t",est("byproduct H2 flared or vented"))
f("gc-hydrogen","gc-newmat","byproduct-hydrogen","600","t",est("piped to hydrogenation in-park"))
f("gc-hydrogen","ext:atmosphere","waste-heat-high","260000","GJ",est("furnace stack heat above 400 °C"))
f("gc-hydrogen","bm-haichuang","spent-catalyst","180","t",est("spent dehydrogenation catalyst"))
f("gc-hydrogen","ut-wwtp","industrial-wastewater","85000","m3",est("process wastewater"))
f("gc-hydrogen","ext:atmosphere","co2","48000","t",est("furnace CO2"))
# catalyst
f("ext:import","gc-catalyst","hydrochloric-acid","2600","t",est("leaching"))
f("ext:import","gc-catalyst","electricity","21000","MWh",est("calcining"))
f("gc-catalyst","ext:market","fine-chemicals","3500","t",est("product"))
f("gc-catalyst","ext:incineration","spent-hydrochloric-acid","1500","t",est("spent acid"))
f("gc-catalyst","ut-wwtp","industrial-wastewater","46000","m3",est("wash water"))
# new materials
f("ext:import","gc-newmat","natural-gas","160000","GJ",est("thermal oil heaters"))
f("ext:import","gc-newmat","organic-solvent","2200","t",est("solvent make-up"))
f("gc-newmat","ext:market","engineering-plastics","21000","t",est("product"))
f("gc-newmat","ext:incineration","resin-waste","540","t",est("off-spec polymer and resin"))
f("gc-newmat","ut-wwtp","industrial-wastewater","90000","m3",est("process wastewater"))
f("gc-newmat","ext:atmosphere","waste-heat-low","120000","GJ",est("reactor cooling"))
# WWTP
f("ext:import","ut-wwtp","electricity","9800","MWh",est("~0.3 kWh/m3 treated"))
f("ut-wwtp","ext:discharge","treated-effluent","2250000","m3",est("treated effluent to river"))
f("ut-wwtp","bm-haichuang","municipal-sludge","5200","t",est("dewatered sludge (80% moisture) co-processed in kiln"))
f("ut-wwtp","ext:landfill","municipal-sludge","3100","t",est("remainder of sludge"))
f("ut-wwtp","gc-caprolactam","reclaimed-water","","m3",est("trial reclaimed-water supply, not metered"))
# Binjiang riverside plants (relocating)
for b,prod,ww,heat,res,sludge in [("bj-chem-1","21000","240000","65000","1600","1200"),("bj-chem-2","12000","150000","38000","900","700"),("bj-chem-3","7600","90000","21000","420","380")]:
    f("ext:import",b,"coal",str(int(int(prod)*0.9)),"t",est("own coal-fired boiler (to be retired on relocation)"))
    f("ext:import",b,"sulfuric-acid",str(int(int(prod)*0.6)),"t",est("acid use"))
    f(b,"ext:market","fine-chemicals",prod,"t",est("product"))
    f(b,"ext:discharge","industrial-wastewater",ww,"m3",est("discharged after on-site treatment (riverside clean-up target, 化工围江)"))
    f(b,"ext:atmosphere","waste-heat-flue",heat,"GJ",est("boiler exhaust"))
    f(b,"ext:incineration","distillation-residue",res,"t",est("still bottoms"))
    f(b,"ext:landfill","chemical-sludge",sludge,"t","estimate: legacy practice before clean-up; flagged for licensed treatment")
f("ut-gas","ext:market","natural-gas","3200000","GJ",est("city-gas and industrial sales outside the listed enterprises"))
f("ext:import","ut-gas","natural-gas","6000000","GJ",est("pipeline supply"))
f("ut-gas","bm-zhaobang","natural-gas","1200000","GJ","plan §三(一): gas replaces coal/oil in ceramics; quantity estimate")
f("ut-gas","bm-fantai","natural-gas","90000","GJ",est("stone drying"))
f("ut-gas","lg-alloy","natural-gas","380000","GJ",est("melting furnaces"))
f("ut-gas","lg-steel","natural-gas","900000","GJ",est("reheating furnaces"))
f("bj-port","ext:market","scrap-steel","6000","t",est("scrap-steel transhipment ~6 kt/a, small share of port throughput (illustrative)"))
f("ext:import","bj-port","diesel","3800","t",est("handling equipment and trucks"))
f("bj-port","ext:landfill","packaging-waste","1200","t",est("dunnage and packaging"))
# Conch cement
f("ext:import","bm-conch","limestone","2900000","t",est("~1.45 t limestone per t clinker at 2.0 Mt/a clinker"))
f("ext:import","bm-conch","clay","260000","t",est("aluminosilicate correction"))
f("ext:import","bm-conch","sandstone","180000","t",est("silica correction"))
f("ext:import","bm-conch","iron-correction","60000","t",est("iron correction"))
f("ext:import","bm-conch","coal","230000","t",est("~108 kgce/t clinker (GB 16780-2021 level)"))
f("ext:import","bm-conch","natural-gypsum","70000","t",est("set retarder ~4% of cement"))
f("ext:import","bm-conch","electricity","180000","MWh",est("~90 kWh/t cement"))
f("bm-conch","ext:market","cement","1650000","t",est("2.0 Mt/a cement; plan 专栏1 cement measures"))
f("bm-conch","bm-concrete","cement","180000","t",est("in-park ready-mix supply"))
f("bm-conch","by-prefab","cement","95000","t",est("in-park prefab supply"))
f("bm-conch","bm-aac","cement","28000","t",est("AAC blocks binder"))
f("bm-conch","ext:atmosphere","waste-heat-kiln-exhaust","650000","GJ","plan 专栏1 cascade use of kiln waste heat; quantity estimate (share not yet recovered)")
f("bm-conch","ext:atmosphere","co2","1720000","t",est("~0.86 tCO2/t clinker (IPCC 2006 / CSI protocol)"))
f("bm-conch","ext:landfill","kiln-dust","9000","t",est("bypass dust not returned"))
f("bm-conch","bm-aac","waste-heat-kiln-exhaust","60000","GJ",est("kiln exhaust heat piped to the neighbouring AAC plant's curing"))
f("bm-conch","bm-haichuang","kiln-dust","4000","t",est("dust to co-processing line"))
f("ext:import","bm-conch","fresh-water","320000","m3",est("cooling and dust suppression"))
# Haichuang
f("ext:import","bm-haichuang","limestone","720000","t",est("raw meal for ~0.5 Mt/a clinker line"))
f("ext:import","bm-haichuang","clay","90000","t",est("raw meal"))
f("ext:import","bm-haichuang","coal","62000","t",est("kiln fuel"))
f("bm-haichuang","ext:market","clinker","420000","t",est("clinker sales"))
f("bm-haichuang","bm-concrete","cement","40000","t",est("in-park cement"))
f("bm-haichuang","ext:atmosphere","co2","420000","t",est("process and fuel CO2"))
f("bm-haichuang","ext:atmosphere","waste-heat-kiln-exhaust","180000","GJ",est("kiln exhaust"))
f("ext:import","bm-haichuang","waste-mineral-oil","1800","t",est("waste oil received from outside the park for co-processing"))
f("ext:import","bm-haichuang","incineration-fly-ash","6000","t","estimate: MSW incineration fly ash received (HJ 1134-2020)")
# Zhaobang ceramics
f("ext:import","bm-zhaobang","ceramic-clay","310000","t",est("~1.2 t body per t tiles"))
f("ext:import","bm-zhaobang","feldspar","60000","t",est("flux"))
f("ext:import","bm-zhaobang","glaze","12000","t",est("glaze"))
f("ext:import","bm-zhaobang","electricity","62000","MWh",est("milling and pressing"))
f("ext:import","bm-zhaobang","natural-gas","400000","GJ",est("spray-dryer gas beyond the Binjiang supply"))
f("bm-zhaobang","ext:market","ceramic-tiles","280000","t",est("product"))
f("bm-zhaobang","ext:landfill","ceramic-waste","26000","t",est("~8% fired and unfired rejects"))
f("bm-zhaobang","ext:atmosphere","waste-heat-flue","520000","GJ","plan 专栏1 kiln/spray-dryer flue-gas treatment; heat quantity estimate")
f("bm-zhaobang","ext:landfill","fgd-gypsum","3400","t","plan 专栏1 wet desulfurisation; quantity estimate")
f("bm-zhaobang","ut-wwtp","industrial-wastewater","160000","m3",est("glaze line wastewater"))
# Fantai and stone
for s,blocks,slabs,powder,off in [("bm-fantai","95000","62000","14000","16000"),("bm-stone-1","42000","27000","6500","7200"),("bm-stone-2","26000","17000","3900","4400")]:
    f("ext:import",s,"stone-blocks",blocks,"t",est("quarried blocks"))
    f(s,"ext:market","stone-slabs",slabs,"t",est("product ~65% yield"))
    f(s,"ext:landfill","stone-powder",powder,"t",est("sawing slurry cake"))
    f(s,"ext:storage","stone-offcuts",off,"t",est("offcuts stockpiled"))
    f("ext:import",s,"fresh-water",str(int(int(blocks)*1.5)),"m3",est("sawing water make-up"))
f("bm-fantai","bm-aac","stone-powder","3000","t",est("trial use of stone powder in AAC"))
# brick works
f("ext:import","bm-brick","clay","210000","t",est("fired clay bricks"))
f("ext:import","bm-brick","coal","16000","t",est("tunnel-kiln fuel"))
f("bm-brick","ext:market","bricks","190000","t",est("product"))
f("bm-brick","ext:atmosphere","waste-heat-flue","90000","GJ",est("kiln exhaust"))
f("bm-brick","ext:atmosphere","co2","31000","t",est("fuel CO2"))
# AAC
f("ext:import","bm-aac","natural-sand","120000","t",est("siliceous material"))
f("ext:import","bm-aac","coal","9000","t",est("own autoclave boiler"))
f("bm-aac","ext:market","aerated-blocks","300000","m3",est("product"))
f("bm-aac","ext:landfill","boiler-slag","800","t",est("own boiler slag"))
f("bm-aac","ext:landfill","construction-waste","2600","t",est("broken blocks"))
# ready-mix
f("ext:import","bm-concrete","natural-sand","260000","t",est("fine aggregate"))
f("ext:import","bm-concrete","crushed-stone","380000","t",est("coarse aggregate"))
f("ext:import","bm-concrete","fresh-water","70000","m3",est("mixing water"))
f("bm-concrete","ext:market","concrete","520000","m3",est("product"))
f("bm-concrete","by-prefab","concrete","","m3",est("occasional supply, not recorded"))
f("bm-concrete","ext:landfill","construction-waste","9500","t",est("returned concrete and washout"))
# prefab
f("ext:import","by-prefab","crushed-stone","140000","t",est("aggregate"))
f("ext:import","by-prefab","natural-sand","90000","t",est("fine aggregate"))
f("ext:import","by-prefab","scrap-steel","2400","t",est("rebar offcut buy-back ~15 kg per m3 of 160,000 m3 components"))
f("by-prefab","ext:market","prefab-components","160000","m3",est("product"))
f("by-prefab","ext:landfill","construction-waste","14000","t",est("rejects and demoulding waste"))
f("by-prefab","ext:atmosphere","waste-heat-low","26000","GJ",est("steam-curing exhaust"))
f("ext:import","by-prefab","coal","5200","t",est("curing boiler"))
f("ext:import","by-prefab-2","aluminium-ingot","450","t",est("aluminium trims and fittings, ~450 t/a judged typical for a mid-size steel-structure plant"))
f("ext:import","by-prefab-2","electricity","22000","MWh",est("welding and cutting"))
f("by-prefab-2","ext:market","prefab-components","45000","m3",est("product (m3 equivalent)"))
f("by-prefab-2","ext:market","scrap-steel","3800","t",est("steel offcuts"))
f("by-prefab-2","ext:incineration","paint-waste","120","t",est("primer waste"))
# planned construction-waste recycler (专栏5)
f("ut-cdw","by-prefab","recycled-aggregate","30000","t","plan 专栏5 construction-waste recycling; quantity estimate","planned")
f("ext:import","ut-cdw","construction-waste","50000","t","plan 专栏5; quantity estimate (city C&D waste)","planned")
# floats
for i,(balsa,reed,eps,prod) in enumerate([("900","1200","400","2100"),("500","800","250","1300"),("300","600","180","900"),("1100","1500","520","2700")],1):
    fl=f"fl-float-{i}"
    f("ext:import",fl,"balsa-wood",balsa,"t",est("float bodies"))
    f("ext:import",fl,"reed-stalk",reed,"t",est("float stems"))
    f("ext:import",fl,"eps-foam",eps,"t",est("foam floats"))
    f(fl,"ext:market","fishing-floats",prod,"t",est("product"))
    f(fl,"ext:landfill","float-offcuts",str(int(int(balsa)*0.35)),"t",est("~35% machining loss"))
    f(fl,"ext:incineration","paint-waste",str(round(int(prod)*0.01)),"t",est("paint residues"))
    f("ext:import",fl,"electricity",str(int(int(prod)*0.9)),"MWh",est("lathes, dryers"))
f("ext:import","fl-float-2","fine-chemicals","30","t",est("float paint bought outside the park"))
# Taolin
f("tl-tailings","tl-sand","tailings","150000","t","plan 专栏5 tailings-sand utilisation; quantity estimate")
f("tl-tailings","ext:storage","tailings","450000","t","plan §桃矿 tailings pond; annual reclaimable quantity estimate")
f("tl-sand","ext:market","machine-made-sand","125000","t",est("product ~85% yield"))
f("tl-sand","by-prefab","machine-made-sand","0","t",est("agreed supply, not yet started"),"planned")
f("ut-pv","tl-sand","electricity","4200","MWh",est("self-consumption"))
f("ut-pv","ext:market","electricity","19000","MWh","plan §桃矿 20 MW PV; ~1,150 h/a full-load (Hunan) estimate")
f("tl-sand","ext:landfill","stone-powder","9000","t",est("fines from sand washing"))
f("ext:import","tl-sand","fresh-water","90000","m3",est("washing"))
# Lingang
f("ext:import","lg-battery","battery-materials","38000","t",est("cathode and anode materials"))
f("lg-cathode","lg-battery","battery-materials","12000","t",est("in-park supply"))
f("ext:import","lg-battery","electricity","210000","MWh",est("formation and dry rooms"))
f("lg-battery","ext:market","power-batteries","52000","t",est("product"))
f("lg-battery","ext:incineration","electrode-scrap","2400","t",est("coating and slitting scrap"))
f("lg-battery","lg-cathode","electrode-scrap","600","t",est("scrap returned for recovery"))
f("lg-battery","ext:incineration","spent-solvent","1900","t",est("NMP not recovered"))
f("lg-battery","ext:atmosphere","waste-heat-low","110000","GJ",est("dry-room and oven exhaust"))
f("ext:import","lg-cathode","sulfuric-acid","22000","t",est("precursor leaching"))
f("ext:import","lg-cathode","electricity","160000","MWh",est("calcination"))
f("lg-cathode","ext:market","battery-materials","30000","t",est("product"))
f("lg-cathode","ut-wwtp","industrial-wastewater","210000","m3",est("process wastewater"))
f("lg-cathode","ext:incineration","spent-sulfuric-acid","6000","t",est("spent leach acid"))
f("ext:import","lg-alloy","aluminium-ingot","40000","t",est("die-casting alloy"))
f("lg-alloy","ext:market","light-alloy-parts","34000","t",est("product"))
f("lg-alloy","ext:market","aluminium-scrap","5600","t",est("runners and rejects sold outside"))
f("lg-alloy","ext:atmosphere","waste-heat-high","120000","GJ",est("melting furnace exhaust"))
f("lg-alloy","ext:incineration","waste-mineral-oil","320","t",est("die lubricant and hydraulic oil"))
f("ext:import","lg-steel","scrap-steel","600000","t",est("EAF charge"))
f("ext:import","lg-steel","electricity","330000","MWh",est("~550 kWh/t EAF"))
f("lg-steel","ext:market","special-steel","560000","t",est("~93% metallic yield on scrap"))
f("lg-steel","ext:landfill","steel-slag","72000","t",est("~120 kg slag/t steel"))
f("lg-steel","ext:atmosphere","waste-heat-high","640000","GJ",est("EAF off-gas"))
f("lg-steel","ext:atmosphere","co2","160000","t",est("electrodes, gas and lime"))
f("lg-steel","ext:incineration","waste-mineral-oil","410","t",est("rolling oils"))
f("lg-steel","ext:market","scrap-steel","9000","t",est("home scrap sold"))
f("ext:import","lg-electronics","electricity","48000","MWh",est("clean rooms"))
f("ext:import","lg-electronics","organic-solvent","900","t",est("cleaning solvents"))
f("lg-electronics","ext:market","electronic-components","6000","t",est("product"))
f("lg-electronics","ext:incineration","spent-solvent","700","t",est("spent cleaning solvents"))
f("lg-electronics","ut-wwtp","industrial-wastewater","140000","m3",est("process wastewater"))
# agri
f("ext:import","ag-rice","paddy-rice","120000","t",est("local paddy"))
f("ag-rice","ext:market","milled-rice","80000","t",est("~67% milling yield"))
f("ag-rice","ext:incineration","rice-husk","12000","t",est("husk burned in a contractor's open furnace"))
f("ag-rice","ext:storage","rice-husk","12000","t",est("husk stockpiled (20% of paddy in total)"))
f("ag-rice","ag-feed","rice-bran","6000","t",est("bran sold to the in-park feed mill"))
f("ag-rice","ext:market","rice-bran","3600","t",est("remaining bran"))
f("ext:import","ag-rice","electricity","5400","MWh",est("~45 kWh/t paddy"))
f("ext:import","ag-feed","feed-grain","160000","t",est("maize and soybean meal"))
f("ag-feed","ag-pig","animal-feed","36000","t",est("in-park supply"))
f("ag-feed","ag-poultry","animal-feed","9000","t",est("in-park supply"))
f("ag-feed","ext:market","animal-feed","120000","t",est("product"))
f("ext:import","ag-feed","coal","4200","t",est("pelleting boiler"))
f("ag-biogas","ag-feed","biogas","38000","GJ",est("biogas to feed-mill boiler"))
f("ag-pig","ag-biogas","livestock-manure","60000","t",est("~2 t manure/a per pig place, 30k places share"))
f("ag-pig","ext:storage","livestock-manure","28000","t",est("lagoon storage"))
f("ag-pig","ext:market","live-pigs","3600","t",est("~30k pigs/a at 120 kg"))
f("ext:import","ag-pig","fresh-water","180000","m3",est("drinking and washing"))
f("ag-pig","ut-wwtp","industrial-wastewater","52000","m3",est("pretreated farm wastewater"))
f("ag-poultry","ext:storage","livestock-manure","9000","t",est("poultry litter stockpiled"))
f("ext:import","ag-poultry","electricity","2100","MWh",est("ventilation"))
f("ag-biogas","ag-fertilizer","digestate","18000","t",est("solid digestate to blender"))
f("ag-biogas","ext:discharge","digestate","36000","t",est("liquid digestate applied to land outside the park"))
f("ext:import","ag-fertilizer","chemical-fertilizer","60000","t",est("urea, MAP, KCl"))
f("ext:import","ag-fertilizer","organic-fertilizer","9000","t",est("bought-in organic base"))
f("ag-fertilizer","ext:market","organic-fertilizer","85000","t",est("product"))
f("ext:import","ag-tea","tea-leaves","22000","t",est("fresh leaf ~4.5 t per t made tea"))
f("ext:import","ag-tea","coal","3800","t",est("drying furnaces"))
f("ext:import","ag-tea","natural-gas","38000","GJ",est("drying and pressing"))
f("ag-tea","ext:market","tea-products","4900","t","estimate: Linxiang brick tea (临湘青砖茶) production")
f("ag-tea","ext:landfill","tea-residue","2600","t",est("stems and dust"))
f("ag-tea","ext:atmosphere","waste-heat-flue","24000","GJ",est("dryer exhaust"))
f("ext:import","ag-bamboo","bamboo","30000","t",est("local moso bamboo"))
f("ag-bamboo","ext:market","bamboo-products","15000","t",est("product"))
f("ag-bamboo","ag-charcoal","bamboo-residue","4000","t",est("residue to charcoal kiln"))
f("ag-bamboo","ext:storage","bamboo-residue","9000","t",est("stockpiled shavings and dust"))
f("ext:import","ag-bamboo","coal","2600","t",est("drying and steaming"))
f("ag-charcoal","ext:market","bamboo-charcoal","1000","t","plan 专栏5 bamboo charcoal; ~25% yield estimate")
f("ag-charcoal","ext:atmosphere","waste-heat-medium","14000","GJ",est("kiln off-gas"))
f("ext:import","ag-mushroom","mushroom-substrate","8000","t",est("bought-in substrate"))
f("ag-mushroom","ext:landfill","mushroom-substrate","6000","t",est("spent substrate"))
f("ext:import","ag-greenhouse","natural-gas","26000","GJ",est("winter heating ~0.6 GJ/m2 a over 4 ha"))
f("ext:import","ag-fishfarm","natural-gas","14000","GJ",est("pond heating in winter"))
f("ext:import","ag-fishfarm","fresh-water","260000","m3",est("pond exchange"))
f("ext:import","ag-beverage","food-grade-co2","1800","t",est("carbonation"))
f("ext:import","ag-beverage","fresh-water","420000","m3",est("product and CIP water"))
f("ext:import","ag-beverage","natural-gas","52000","GJ",est("pasteurising and CIP"))
f("ag-beverage","ext:market","beverages","","t",est("beverage output not disclosed"))
f("ag-beverage","ext:landfill","food-waste","4200","t",est("spent fruit/grains and rejects"))
f("ag-beverage","ut-wwtp","industrial-wastewater","310000","m3",est("process wastewater"))
f("ag-beverage","ext:market","packaging-waste","2300","t",est("sold to recyclers"))
f("ut-foodwaste","ag-biogas","food-waste","0","t","plan 专栏5 food-waste recycling; quantity not yet known","planned")

rows=[]
for i,x in enumerate(F,1):
    frm,to,mat,q,unit,status,src=x
    rows.append([f"f{i:03d}",frm,to,mat,q,unit,status,src])
def wcsv(name, header, data):
    with open(os.path.join(out,name),"w",newline="",encoding="utf-8") as fh:
        w=csv.writer(fh,lineterminator="\n"); w.writerow(header); w.writerows(data)
wcsv("zones.csv",["id","name","name_en"],[
 ["hq","临湘高新区核心区","Linxiang High-tech Zone core"],
 ["green-chem","绿色化工产业园","green chemical park"],
 ["binjiang","滨江工业园","Binjiang industrial park"],
 ["sanwan","三湾工业园","Sanwan industrial park"],
 ["lingang","湖南临港新兴产业园（鸭栏港）","Hunan Lingang new-industry park (Yalan port)"],
 ["baiyun","白云矿区装配式建筑产业园","Baiyun mining area prefabricated-building park"],
 ["taolin","桃矿独立工矿区","Taolin mine industrial-mining area"]])
wcsv("enterprises.csv",["id","name","name_en","zone","chains","sector","lat","lon","status","output_value_10k_cny","energy_tce","above_size","source"],E)
wcsv("materials.csv",["id","name","name_en","category","unit","temperature_c","hazardous_code"],[
 ["special-steel","特种钢材","special steel","product","t","",""],
 ["live-pigs","生猪","live pigs","product","t","",""],
 ["beverages","饮料","beverages","product","t","",""]])
wcsv("flows.csv",["id","from","to","material","quantity","unit","status","source"],rows)
print(len(E),"enterprises",len(rows),"flows",file=sys.stderr)
