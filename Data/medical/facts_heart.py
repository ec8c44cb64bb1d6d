"""Authored fact base: heart, blood vessel and blood topics. Written for Attune by its authors."""

FACTS = """
# High blood pressure (hypertension) [condition]
what: Hypertension is blood pressure that stays consistently above the normal range, generally 130/80 mmHg or higher on repeated readings under current US guidance. It strains the heart and blood vessels over many years.
? is 140 over 90 considered high blood pressure
sym: High blood pressure usually causes no symptoms, which is why it is called a silent condition. Very high readings may occasionally cause headache, blurred vision or nosebleeds, but most people find out through routine measurement.
? can you feel it when your blood pressure is high
risk: Risk rises with age, family history, excess weight, high salt intake, low physical activity, heavy alcohol use, smoking, chronic kidney disease and sleep apnea. Risk is also higher in people of Black African or Caribbean descent.
? does stress cause high blood pressure
dx: Hypertension is diagnosed from several readings taken on different occasions, and home or 24-hour ambulatory monitoring helps confirm it and exclude white-coat hypertension, where readings are high only in the clinic. Checks of kidney function, urine, blood sugar, cholesterol and an ECG look for causes and organ effects.
? my blood pressure is always high at the doctor but fine at home
tx: Treatment begins with lifestyle changes and, when needed, medicines such as ACE inhibitors, angiotensin receptor blockers, calcium channel blockers or thiazide diuretics. Many people need two or more medicines to reach their target.
? do i have to be on blood pressure pills for the rest of my life
prev: Eating less salt, following a diet rich in vegetables, fruit and whole grains, staying active, keeping a healthy weight and limiting alcohol help prevent and lower high blood pressure. Even modest changes, such as cutting salt, can lower readings by several points.
? what foods bring your blood pressure down naturally
outlook: Uncontrolled hypertension increases the risk of heart attack, stroke, heart failure, kidney disease and dementia. Lowering blood pressure to target substantially reduces these risks.
? what happens if you don't treat high blood pressure

cause: Most high blood pressure has no single cause and develops over years from genetic and lifestyle factors; secondary hypertension results from kidney disease, hormone disorders, sleep apnea or medicines such as NSAIDs and decongestants. Stress raises blood pressure temporarily but is not a main cause of long-term hypertension.
? can cold medicine raise your blood pressure
care: A reading of 180/120 mmHg or higher with chest pain, breathlessness, severe headache, confusion, weakness or vision changes is a hypertensive emergency needing immediate care. Very high readings without symptoms should be rechecked after resting and reported to a clinician the same day.
? my blood pressure machine says 185 over 120, do i go to the er
# Heart attack (myocardial infarction) [condition]
what: A heart attack happens when blood flow to part of the heart muscle is blocked, usually by a clot forming on a ruptured fatty plaque in a coronary artery. Without rapid treatment, the affected muscle dies.
sym: Typical heart attack symptoms are chest pressure, tightness or pain lasting more than a few minutes that may spread to the arm, neck, jaw or back, with breathlessness, sweating, nausea or light-headedness. Women, older adults and people with diabetes more often have atypical symptoms such as unusual fatigue or breathlessness.
? do women have different heart attack signs than men
? crushing feeling in my chest going down my left arm and i'm sweaty
risk: Risk factors include smoking, high blood pressure, high LDL cholesterol, diabetes, obesity, physical inactivity, older age, male sex and a family history of early heart disease. Sudden heavy exertion, cold weather and emotional stress can trigger an attack in people with existing heart disease.
? i'm 45 and my dad had a heart attack at 50, am i at risk
dx: A heart attack is diagnosed with an electrocardiogram (ECG) and blood tests for troponin, a protein released from damaged heart muscle. Coronary angiography shows which artery is blocked.
? what blood test shows you had a heart attack
tx: Emergency treatment restores blood flow, most often by angioplasty and stenting, or with clot-dissolving medicine. Long-term treatment includes antiplatelet medicines, statins, beta-blockers, ACE inhibitors and cardiac rehabilitation.
? what do they do to you in the hospital when you have a heart attack
care: Call emergency services immediately for chest pain lasting more than a few minutes or with sweating, breathlessness or fainting. Do not drive yourself; emergency crews can start treatment on the way.
? should i drive myself to the hospital if i think i'm having a heart attack
prev: Not smoking, controlling blood pressure, cholesterol and blood sugar, regular exercise, a healthy diet and weight all lower the risk of a heart attack. People who have had a heart attack usually take several medicines long term to prevent another.
? how do you lower your chances of a heart attack

outlook: Most people return to normal activities after a heart attack with cardiac rehabilitation and medicines; returning to driving, work and sex is usually possible within weeks, guided by the care team. Anxiety and low mood are common afterwards and are part of what rehabilitation addresses.
? when can i go back to normal life after a heart attack
# Angina [condition]
what: Angina is chest pain or discomfort caused by reduced blood flow to the heart muscle, usually from narrowed coronary arteries. Stable angina comes on predictably with exertion and eases with rest.
sym: Angina feels like pressure, squeezing or heaviness in the chest that may spread to the arms, neck or jaw. It is brought on by exercise, cold weather, heavy meals or stress and settles within minutes of rest or nitroglycerin.
? chest gets tight when i walk uphill in the cold but goes away when i stop
tx: Angina is treated with nitroglycerin spray or tablets for attacks, medicines that reduce the heart's workload such as beta-blockers, and treatment of risk factors. Some people need angioplasty or bypass surgery.
? what does the nitro spray under the tongue do
care: Angina that is new, occurs at rest, lasts longer than usual or does not settle with rest and nitroglycerin may be unstable angina or a heart attack and needs emergency care. Emergency services should be called if pain is not relieved a few minutes after a second dose of nitroglycerin.
? how do i know if my angina is turning into a heart attack
dx: Angina is assessed with an ECG, an exercise stress test or stress imaging, and CT coronary angiography or invasive angiography to look for narrowed arteries. Blood tests check for anaemia, diabetes and cholesterol problems that contribute.
? what tests check if chest pain is coming from my heart

cause: Angina is usually caused by coronary artery disease, in which fatty plaques narrow the heart's arteries; less often it results from artery spasm, severe anaemia or aortic valve narrowing. Angina caused by spasm often occurs at rest, typically in the early morning.
# Heart failure [condition]
what: Heart failure is a condition in which the heart does not pump blood as well as the body needs. It does not mean the heart has stopped; it is a long-term condition that can be managed.
? my mom was told she has heart failure, does that mean her heart is stopping
sym: Heart failure causes breathlessness on exertion or when lying flat, swelling of the ankles and legs, tiredness, and rapid weight gain from fluid build-up. Some people wake at night short of breath.
? my ankles swell up and i have to sleep on three pillows to breathe
cause: Common causes are coronary artery disease and previous heart attacks, long-standing high blood pressure, heart valve disease, cardiomyopathy and abnormal heart rhythms. Alcohol misuse, some chemotherapy drugs, thyroid disease and severe lung disease can also lead to heart failure.
? what causes the heart to get weak
dx: Heart failure is diagnosed with an echocardiogram showing how well the heart pumps, supported by a BNP or NT-proBNP blood test, an ECG and a chest X-ray. Finding the underlying cause, for example with angiography or MRI, guides treatment.
? what is a bnp blood test
tx: Treatment includes diuretics to remove extra fluid and medicines that improve survival, such as ACE inhibitors or ARNIs, beta-blockers, mineralocorticoid antagonists and SGLT2 inhibitors. Some people benefit from devices such as pacemakers or defibrillators.
? what are water pills for in heart failure
prev: People with heart failure are advised to weigh themselves daily, limit salt, take medicines as prescribed and stay active within their limits. Controlling blood pressure and coronary disease helps prevent it.
? why does the heart clinic want me to weigh myself every morning
care: Contact a clinician promptly if weight rises by about 2 kg (4-5 lb) within a few days, breathlessness or swelling worsens, or you need more pillows to sleep. Severe breathlessness or chest pain needs emergency care.

# Atrial fibrillation [condition]
what: Atrial fibrillation (AFib) is a common heart rhythm disorder in which the upper chambers of the heart beat chaotically, producing an irregular and often fast heartbeat. It can come and go or be permanent.
sym: AFib may cause palpitations, a fluttering or irregular pulse, breathlessness, tiredness, dizziness or reduced exercise tolerance, though some people notice nothing. It is often found by chance during a pulse check or ECG.
? my heart feels like it's flopping around like a fish in my chest
risk: AFib becomes more common with age and is linked to high blood pressure, heart valve disease, heart failure, obesity, sleep apnea, overactive thyroid and heavy alcohol intake. Some episodes follow binge drinking, which is sometimes called holiday heart.
? can drinking alcohol trigger afib
dx: AFib is confirmed by an ECG that shows an irregular rhythm without normal P waves. Wearable or Holter monitors may capture episodes that come and go.
? my smartwatch said possible afib, what should i do
tx: Treatment aims to control heart rate or restore normal rhythm using medicines, cardioversion or catheter ablation. Many people also need anticoagulants to prevent stroke.
? why do i need blood thinners for an irregular heartbeat
outlook: Blood can pool and clot in the fibrillating atria, so AFib increases the risk of stroke about fivefold. Anticoagulation greatly lowers this risk for people with additional risk factors.
? does afib cause strokes

care: Emergency care is needed for AFib with chest pain, fainting, severe breathlessness, or any signs of stroke such as face drooping, arm weakness or speech difficulty. Palpitations that are persistent or come with light-headedness should be assessed promptly.
# Stroke [condition]
what: A stroke happens when blood supply to part of the brain is cut off by a blocked artery (ischaemic stroke) or when a blood vessel in the brain bursts (haemorrhagic stroke). Brain cells begin to die within minutes, so it is an emergency.
sym: Stroke signs appear suddenly and are remembered by FAST: Face drooping, Arm weakness, Speech difficulty, Time to call emergency services. Sudden vision loss, confusion, loss of balance or a severe headache can also occur.
? my grandpa's face looks droopy on one side and his words are slurred
risk: The main risk factors are high blood pressure, smoking, atrial fibrillation, diabetes, high cholesterol, obesity, physical inactivity, heavy drinking and increasing age. In younger people, causes also include tears in neck arteries, heart defects and clotting disorders.
? what causes strokes in younger people
dx: Stroke is diagnosed with urgent brain imaging, a CT or MRI scan, which distinguishes a clot from a bleed and guides treatment. Further tests look for the source of a clot, such as carotid ultrasound and heart rhythm monitoring.
? how do doctors tell what kind of stroke it is
tx: Ischaemic stroke may be treated with clot-dissolving medicine within hours of onset or by mechanical removal of the clot. Rehabilitation with physical, occupational and speech therapy helps recovery.
? how soon do you have to get to the hospital for the clot busting drug
prev: Controlling blood pressure, not smoking, treating atrial fibrillation with anticoagulants, managing diabetes and cholesterol, and staying active prevent many strokes. After a stroke or TIA, antiplatelet medicines and statins are usually started.
? how do you prevent a second stroke

outlook: Recovery after stroke is often fastest in the first weeks to months, but improvement can continue for a long time with rehabilitation; many survivors have lasting weakness, speech or memory problems. Support for carers, mood and fatigue is an important part of recovery.
? will my mother walk again after her stroke
# Transient ischaemic attack (mini-stroke) [condition]
what: A transient ischaemic attack (TIA) is a brief episode of stroke-like symptoms caused by a temporary interruption of blood flow to the brain. Symptoms resolve, usually within an hour, but it is a warning sign of a possible stroke.
? what is a mini stroke and is it serious if it went away
sym: TIA symptoms are the same as stroke symptoms, such as one-sided weakness or numbness, facial droop, slurred speech or temporary loss of vision in one eye, but they pass completely. Because symptoms fade, people often delay seeking help, which is a mistake.
? my arm went numb and my speech was slurred for ten minutes then it went away
care: A suspected TIA needs same-day medical assessment even if symptoms have gone, because the risk of stroke is highest in the following days. If symptoms are still present, it should be treated as a stroke and emergency services called.
tx: After a TIA, treatment focuses on preventing stroke with antiplatelet medicines, statins, blood pressure control, and treatment of any cause found, such as a narrowed carotid artery or atrial fibrillation. Lifestyle changes such as stopping smoking and regular activity are also advised.
? what medicines do you get after a mini stroke

dx: After a TIA, tests include brain imaging, a carotid artery ultrasound, an ECG or heart rhythm monitoring and blood tests for diabetes and cholesterol. These tests aim to find the cause quickly so that preventive treatment can start.
# High cholesterol [condition]
what: High cholesterol means raised levels of lipids in the blood, particularly LDL cholesterol, which builds up in artery walls. It causes no symptoms but increases the risk of heart attack and stroke.
? what's the difference between good and bad cholesterol
cause: High cholesterol results from a combination of genes and lifestyle, including diets high in saturated fat, lack of exercise and excess weight. Familial hypercholesterolaemia is an inherited cause of very high LDL from birth.
? i'm skinny and eat healthy so why is my cholesterol high
dx: Cholesterol is measured with a lipid panel blood test, which reports total cholesterol, LDL, HDL and triglycerides. Results are interpreted alongside overall cardiovascular risk.
? how often should i get my cholesterol checked
tx: Treatment combines diet and lifestyle changes with medicines when risk is high, most commonly statins. Ezetimibe and PCSK9 inhibitors are options when statins are not enough or not tolerated.
? should i start a statin if my cholesterol is borderline
prev: Limiting saturated fat, eating more fibre, vegetables and whole grains, exercising regularly, keeping a healthy weight and not smoking help keep cholesterol in check. Plant sterols and soluble fibre from oats and beans can lower LDL a little.
? what should i eat to lower my ldl

sym: High cholesterol causes no symptoms; very high inherited levels may produce yellowish fatty deposits around the eyes or lumps in tendons. These signs are a reason to check cholesterol levels and family members.
? yellow bumps on my eyelids, is that cholesterol
# Deep vein thrombosis [condition]
what: Deep vein thrombosis (DVT) is a blood clot in a deep vein, usually in the leg or pelvis. Part of the clot can break off and travel to the lungs, causing a pulmonary embolism.
sym: DVT usually causes swelling, pain or tenderness, warmth and redness in one leg, often in the calf. Some clots cause no symptoms.
? one calf is swollen and sore and warm, could it be a blood clot
risk: Risks include recent surgery, hospital stays or immobility, long travel, cancer, pregnancy, oestrogen medicines, obesity, smoking, older age and inherited clotting disorders. The risk is highest in the weeks after major surgery, especially hip or knee replacement.
? does birth control raise your risk of blood clots
dx: DVT is diagnosed with a compression ultrasound of the leg veins. A D-dimer blood test helps exclude it in people with low clinical probability.
? how do they check for a blood clot in the leg
tx: DVT is treated with anticoagulants for at least three months. Walking is encouraged once treatment starts, and compression stockings may ease symptoms.
? how long do you have to be on blood thinners after a dvt
prev: Moving around regularly, flexing calf muscles and staying hydrated on long journeys, and getting up soon after surgery help prevent DVT. Hospitals often give preventive anticoagulants to people at risk.
? how do i avoid blood clots on a long plane ride

care: Anyone with a suspected DVT who develops sudden breathlessness, chest pain or coughs up blood may have a pulmonary embolism and needs emergency care. This combination needs immediate attention, not a routine appointment.
# Varicose veins [condition]
what: Varicose veins are enlarged, twisted veins just under the skin, usually in the legs. They form when valves in the veins weaken and blood pools instead of flowing back to the heart.
sym: Varicose veins look bulging and bluish and may cause aching, heaviness, itching or swelling of the legs, often worse after standing for long periods. Itchy, discoloured skin around the ankle can develop with long-standing varicose veins.
? why do my legs ache and feel heavy at the end of the day
risk: They are more common in women, with age, in pregnancy, with a family history, obesity and jobs that involve long periods of standing. They often appear or worsen during pregnancy and may improve afterwards.
? are varicose veins hereditary
tx: Compression stockings, leg elevation and exercise relieve symptoms. Troublesome veins can be closed with heat (endovenous ablation), injections (sclerotherapy) or removed surgically.
? can you get rid of varicose veins without surgery
care: Seek care if a varicose vein bleeds, the skin over it becomes discoloured or ulcerated, or a vein becomes hot, hard and painful. Varicose veins are mostly a cosmetic concern but complications deserve assessment.
? my varicose vein is bleeding and won't stop

# Peripheral artery disease [condition]
what: Peripheral artery disease is narrowing of the arteries supplying the legs by fatty plaque, reducing blood flow to the muscles. It is a sign of atherosclerosis elsewhere in the body.
sym: The classic symptom is cramping pain in the calf, thigh or buttock on walking that eases with rest, called intermittent claudication. Advanced disease causes pain at rest, cold feet and slow-healing sores.
? my calves cramp up after walking a block and get better when i stand still
risk: Smoking and diabetes are the strongest risk factors, along with high blood pressure, high cholesterol and older age. It often coexists with coronary artery disease and carotid artery disease.
? why does smoking cause leg pain when walking
dx: The ankle-brachial index compares blood pressure at the ankle and arm; a low ratio indicates narrowed leg arteries. Ultrasound or angiography maps the blockages.
? what is an ankle brachial index test
tx: Treatment includes stopping smoking, supervised walking exercise, statins, antiplatelet medicine and control of blood pressure and diabetes. Angioplasty or bypass may be needed for severe symptoms.
? does walking help blocked arteries in the legs

care: Sudden severe pain in a leg that becomes cold, pale, numb or weak is an emergency, as it can mean an artery is completely blocked. This condition, called acute limb ischaemia, can threaten the leg if not treated within hours.
# Iron deficiency anaemia [condition]
what: Iron deficiency anaemia is a shortage of red blood cells or haemoglobin caused by too little iron. It is the most common type of anaemia worldwide.
sym: Symptoms include tiredness, weakness, shortness of breath on exertion, pale skin, headaches, a fast heartbeat and sometimes cravings to chew ice. Mild anaemia may cause no symptoms.
? always exhausted and i crave chewing ice, is that a vitamin thing
cause: Common causes are heavy menstrual periods, pregnancy, low dietary iron, and blood loss from the gut, for example from ulcers, polyps or bowel cancer. Coeliac disease can reduce iron absorption.
dx: Iron deficiency anaemia is diagnosed with a full blood count showing low haemoglobin and small red cells, together with low ferritin. Adults without an obvious cause may need tests of the gut.
? why does my doctor want a colonoscopy because i'm anemic
tx: Treatment is with iron tablets, taken for several months to replenish stores, or intravenous iron when tablets are not tolerated or absorbed. The underlying cause must also be treated.
? iron pills make me constipated and sick, are there other options
? how long does it take for iron tablets to work
prev: Eating iron-rich foods such as meat, beans, lentils and fortified cereals, with vitamin C to aid absorption, helps prevent iron deficiency. Tea and coffee with meals reduce iron absorption and are better taken between meals.
? what foods are high in iron for vegetarians

risk: Iron deficiency is most common in menstruating women, pregnant women, infants and toddlers, frequent blood donors, vegetarians and people with gut conditions or bleeding. Rapid growth in toddlers and teenagers increases iron needs.
# Vitamin B12 deficiency [condition]
what: Vitamin B12 deficiency is a lack of the vitamin needed to make red blood cells and maintain nerves. It can cause a type of anaemia with large red cells and nerve damage.
sym: Symptoms include tiredness, pale skin, a sore red tongue, pins and needles or numbness in the hands and feet, unsteadiness, memory problems and low mood. Nerve symptoms can occur even before anaemia appears.
? tingling in my feet and so tired, could it be low b12
cause: Causes include pernicious anaemia, an autoimmune condition that blocks absorption, a vegan diet without supplements, stomach or bowel surgery, and long-term use of metformin or acid-reducing medicines. It develops slowly because the body stores several years' worth of the vitamin.
? can metformin cause b12 deficiency
risk: Older adults, vegans, people with coeliac or Crohn's disease, and those who have had weight-loss surgery are at higher risk. People taking metformin long term may have their B12 level checked periodically.
? do vegans need to take b12
tx: Deficiency is treated with vitamin B12 injections or high-dose tablets, depending on the cause. People with pernicious anaemia usually need lifelong treatment.
? do i need b12 shots forever or can i just take pills

dx: B12 deficiency is diagnosed with blood tests of vitamin B12 levels, sometimes with methylmalonic acid, alongside a blood count that may show large red cells; antibody tests look for pernicious anaemia. Folate levels are usually checked at the same time.
# Sickle cell disease [condition]
what: Sickle cell disease is an inherited blood disorder in which red blood cells contain abnormal haemoglobin and become stiff and crescent-shaped. The cells break down early and can block small blood vessels.
sym: It causes episodes of severe pain called sickle cell crises, anaemia, tiredness, swelling of the hands and feet in infants, frequent infections and delayed growth. Cold, dehydration, infection and stress can trigger crises.
? what does a sickle cell crisis feel like
cause: A child develops sickle cell disease by inheriting an abnormal haemoglobin gene from both parents. People with one copy have sickle cell trait and are usually healthy.
? if both me and my husband have sickle cell trait will our baby get it
dx: Sickle cell disease is detected by newborn blood-spot screening in many countries, and confirmed with haemoglobin electrophoresis or similar tests. Prospective parents can have a blood test to find out whether they carry the trait.
? how is sickle cell found in newborns
tx: Care includes pain management, hydroxyurea to reduce crises, vaccinations and preventive penicillin in children, blood transfusions and, for some, stem cell transplantation or gene therapy. Regular specialist follow-up includes screening for stroke risk in children.
? what does hydroxyurea do for sickle cell
care: Urgent care is needed for fever, severe pain, chest pain or breathlessness, sudden weakness, or a painful prolonged erection in someone with sickle cell disease. People with sickle cell disease are advised to seek help early because complications can progress quickly.
? when should someone with sickle cell go to the hospital

# Haemophilia [condition]
what: Haemophilia is an inherited bleeding disorder in which the blood lacks enough of a clotting factor, factor VIII in haemophilia A or factor IX in haemophilia B. Bleeding lasts longer than normal.
sym: Signs include easy bruising, prolonged bleeding after cuts, dental work or surgery, and spontaneous bleeding into joints and muscles causing pain and swelling. Severity depends on how much clotting factor is present, and mild haemophilia may only show after surgery or injury.
? my son bruises very easily and his knee swells up for no reason
cause: The genes for factors VIII and IX are on the X chromosome, so haemophilia mostly affects males, while females usually carry the gene. About a third of cases arise from a new gene change with no family history.
? why do boys get hemophilia and not girls
tx: Treatment replaces the missing clotting factor with regular infusions or uses newer non-factor therapies given by injection, preventing bleeds and joint damage. Care is coordinated by specialist haemophilia centres.
? is there a cure for hemophilia now with gene therapy
dx: Haemophilia is diagnosed with blood clotting tests and measurement of factor VIII and IX levels; relatives of known patients can be tested early, including carrier testing for women. Mild forms may not be diagnosed until adulthood.
? how do you find out if you're a hemophilia carrier
"""
