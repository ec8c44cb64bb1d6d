"""Authored fact base: heart, blood vessel and blood topics. Written for Attune by its authors."""

FACTS = """
# High blood pressure (hypertension) [condition]
what: Hypertension is blood pressure that stays consistently above the normal range, generally 130/80 mmHg or higher on repeated readings under current US guidance. It strains the heart and blood vessels over many years.
? is 140 over 90 considered high blood pressure
sym: High blood pressure usually causes no symptoms, which is why it is called a silent condition. Very high readings may occasionally cause headache, blurred vision or nosebleeds, but most people find out through routine measurement.
? can you feel it when your blood pressure is high
risk: Risk rises with age, family history, excess weight, high salt intake, low physical activity, heavy alcohol use, smoking, chronic kidney disease and sleep apnea.
dx: Hypertension is diagnosed from several readings taken on different occasions, and home or 24-hour ambulatory monitoring helps confirm it and exclude white-coat hypertension, where readings are high only in the clinic.
? my blood pressure is always high at the doctor but fine at home
tx: Treatment begins with lifestyle changes and, when needed, medicines such as ACE inhibitors, angiotensin receptor blockers, calcium channel blockers or thiazide diuretics. Many people need two or more medicines to reach their target.
? do i have to be on blood pressure pills for the rest of my life
prev: Eating less salt, following a diet rich in vegetables, fruit and whole grains, staying active, keeping a healthy weight and limiting alcohol help prevent and lower high blood pressure.
? what foods bring your blood pressure down naturally
outlook: Uncontrolled hypertension increases the risk of heart attack, stroke, heart failure, kidney disease and dementia. Lowering blood pressure to target substantially reduces these risks.

# Heart attack (myocardial infarction) [condition]
what: A heart attack happens when blood flow to part of the heart muscle is blocked, usually by a clot forming on a ruptured fatty plaque in a coronary artery. Without rapid treatment, the affected muscle dies.
sym: Typical heart attack symptoms are chest pressure, tightness or pain lasting more than a few minutes that may spread to the arm, neck, jaw or back, with breathlessness, sweating, nausea or light-headedness. Women, older adults and people with diabetes more often have atypical symptoms such as unusual fatigue or breathlessness.
? do women have different heart attack signs than men
? crushing feeling in my chest going down my left arm and i'm sweaty
risk: Risk factors include smoking, high blood pressure, high LDL cholesterol, diabetes, obesity, physical inactivity, older age, male sex and a family history of early heart disease.
dx: A heart attack is diagnosed with an electrocardiogram (ECG) and blood tests for troponin, a protein released from damaged heart muscle. Coronary angiography shows which artery is blocked.
tx: Emergency treatment restores blood flow, most often by angioplasty and stenting, or with clot-dissolving medicine. Long-term treatment includes antiplatelet medicines, statins, beta-blockers, ACE inhibitors and cardiac rehabilitation.
? what do they do to you in the hospital when you have a heart attack
care: Call emergency services immediately for chest pain lasting more than a few minutes or with sweating, breathlessness or fainting. Do not drive yourself; emergency crews can start treatment on the way.
prev: Not smoking, controlling blood pressure, cholesterol and blood sugar, regular exercise, a healthy diet and weight all lower the risk of a heart attack.

# Angina [condition]
what: Angina is chest pain or discomfort caused by reduced blood flow to the heart muscle, usually from narrowed coronary arteries. Stable angina comes on predictably with exertion and eases with rest.
sym: Angina feels like pressure, squeezing or heaviness in the chest that may spread to the arms, neck or jaw. It is brought on by exercise, cold weather, heavy meals or stress and settles within minutes of rest or nitroglycerin.
? chest gets tight when i walk uphill in the cold but goes away when i stop
tx: Angina is treated with nitroglycerin spray or tablets for attacks, medicines that reduce the heart's workload such as beta-blockers, and treatment of risk factors. Some people need angioplasty or bypass surgery.
care: Angina that is new, occurs at rest, lasts longer than usual or does not settle with rest and nitroglycerin may be unstable angina or a heart attack and needs emergency care.
? how do i know if my angina is turning into a heart attack
dx: Angina is assessed with an ECG, an exercise stress test or stress imaging, and CT coronary angiography or invasive angiography to look for narrowed arteries.

# Heart failure [condition]
what: Heart failure is a condition in which the heart does not pump blood as well as the body needs. It does not mean the heart has stopped; it is a long-term condition that can be managed.
? my mom was told she has heart failure, does that mean her heart is stopping
sym: Heart failure causes breathlessness on exertion or when lying flat, swelling of the ankles and legs, tiredness, and rapid weight gain from fluid build-up. Some people wake at night short of breath.
? my ankles swell up and i have to sleep on three pillows to breathe
cause: Common causes are coronary artery disease and previous heart attacks, long-standing high blood pressure, heart valve disease, cardiomyopathy and abnormal heart rhythms.
dx: Heart failure is diagnosed with an echocardiogram showing how well the heart pumps, supported by a BNP or NT-proBNP blood test, an ECG and a chest X-ray.
tx: Treatment includes diuretics to remove extra fluid and medicines that improve survival, such as ACE inhibitors or ARNIs, beta-blockers, mineralocorticoid antagonists and SGLT2 inhibitors. Some people benefit from devices such as pacemakers or defibrillators.
prev: People with heart failure are advised to weigh themselves daily, limit salt, take medicines as prescribed and stay active within their limits. Controlling blood pressure and coronary disease helps prevent it.
? why does the heart clinic want me to weigh myself every morning
care: Contact a clinician promptly if weight rises by about 2 kg (4-5 lb) within a few days, breathlessness or swelling worsens, or you need more pillows to sleep. Severe breathlessness or chest pain needs emergency care.

# Atrial fibrillation [condition]
what: Atrial fibrillation (AFib) is a common heart rhythm disorder in which the upper chambers of the heart beat chaotically, producing an irregular and often fast heartbeat. It can come and go or be permanent.
sym: AFib may cause palpitations, a fluttering or irregular pulse, breathlessness, tiredness, dizziness or reduced exercise tolerance, though some people notice nothing.
? my heart feels like it's flopping around like a fish in my chest
risk: AFib becomes more common with age and is linked to high blood pressure, heart valve disease, heart failure, obesity, sleep apnea, overactive thyroid and heavy alcohol intake.
dx: AFib is confirmed by an ECG that shows an irregular rhythm without normal P waves. Wearable or Holter monitors may capture episodes that come and go.
? my smartwatch said possible afib, what should i do
tx: Treatment aims to control heart rate or restore normal rhythm using medicines, cardioversion or catheter ablation. Many people also need anticoagulants to prevent stroke.
? why do i need blood thinners for an irregular heartbeat
outlook: Blood can pool and clot in the fibrillating atria, so AFib increases the risk of stroke about fivefold. Anticoagulation greatly lowers this risk for people with additional risk factors.

# Stroke [condition]
what: A stroke happens when blood supply to part of the brain is cut off by a blocked artery (ischaemic stroke) or when a blood vessel in the brain bursts (haemorrhagic stroke). Brain cells begin to die within minutes, so it is an emergency.
sym: Stroke signs appear suddenly and are remembered by FAST: Face drooping, Arm weakness, Speech difficulty, Time to call emergency services. Sudden vision loss, confusion, loss of balance or a severe headache can also occur.
? my grandpa's face looks droopy on one side and his words are slurred
risk: The main risk factors are high blood pressure, smoking, atrial fibrillation, diabetes, high cholesterol, obesity, physical inactivity, heavy drinking and increasing age.
dx: Stroke is diagnosed with urgent brain imaging, a CT or MRI scan, which distinguishes a clot from a bleed and guides treatment.
tx: Ischaemic stroke may be treated with clot-dissolving medicine within hours of onset or by mechanical removal of the clot. Rehabilitation with physical, occupational and speech therapy helps recovery.
? how soon do you have to get to the hospital for the clot busting drug
prev: Controlling blood pressure, not smoking, treating atrial fibrillation with anticoagulants, managing diabetes and cholesterol, and staying active prevent many strokes.

# Transient ischaemic attack (mini-stroke) [condition]
what: A transient ischaemic attack (TIA) is a brief episode of stroke-like symptoms caused by a temporary interruption of blood flow to the brain. Symptoms resolve, usually within an hour, but it is a warning sign of a possible stroke.
? what is a mini stroke and is it serious if it went away
sym: TIA symptoms are the same as stroke symptoms, such as one-sided weakness or numbness, facial droop, slurred speech or temporary loss of vision in one eye, but they pass completely.
care: A suspected TIA needs same-day medical assessment even if symptoms have gone, because the risk of stroke is highest in the following days.
tx: After a TIA, treatment focuses on preventing stroke with antiplatelet medicines, statins, blood pressure control, and treatment of any cause found, such as a narrowed carotid artery or atrial fibrillation.

# High cholesterol [condition]
what: High cholesterol means raised levels of lipids in the blood, particularly LDL cholesterol, which builds up in artery walls. It causes no symptoms but increases the risk of heart attack and stroke.
? what's the difference between good and bad cholesterol
cause: High cholesterol results from a combination of genes and lifestyle, including diets high in saturated fat, lack of exercise and excess weight. Familial hypercholesterolaemia is an inherited cause of very high LDL from birth.
? i'm skinny and eat healthy so why is my cholesterol high
dx: Cholesterol is measured with a lipid panel blood test, which reports total cholesterol, LDL, HDL and triglycerides. Results are interpreted alongside overall cardiovascular risk.
tx: Treatment combines diet and lifestyle changes with medicines when risk is high, most commonly statins. Ezetimibe and PCSK9 inhibitors are options when statins are not enough or not tolerated.
prev: Limiting saturated fat, eating more fibre, vegetables and whole grains, exercising regularly, keeping a healthy weight and not smoking help keep cholesterol in check.
? what should i eat to lower my ldl

# Deep vein thrombosis [condition]
what: Deep vein thrombosis (DVT) is a blood clot in a deep vein, usually in the leg or pelvis. Part of the clot can break off and travel to the lungs, causing a pulmonary embolism.
sym: DVT usually causes swelling, pain or tenderness, warmth and redness in one leg, often in the calf. Some clots cause no symptoms.
? one calf is swollen and sore and warm, could it be a blood clot
risk: Risks include recent surgery, hospital stays or immobility, long travel, cancer, pregnancy, oestrogen medicines, obesity, smoking, older age and inherited clotting disorders.
dx: DVT is diagnosed with a compression ultrasound of the leg veins. A D-dimer blood test helps exclude it in people with low clinical probability.
tx: DVT is treated with anticoagulants for at least three months. Walking is encouraged once treatment starts, and compression stockings may ease symptoms.
prev: Moving around regularly, flexing calf muscles and staying hydrated on long journeys, and getting up soon after surgery help prevent DVT. Hospitals often give preventive anticoagulants to people at risk.
? how do i avoid blood clots on a long plane ride

# Varicose veins [condition]
what: Varicose veins are enlarged, twisted veins just under the skin, usually in the legs. They form when valves in the veins weaken and blood pools instead of flowing back to the heart.
sym: Varicose veins look bulging and bluish and may cause aching, heaviness, itching or swelling of the legs, often worse after standing for long periods.
risk: They are more common in women, with age, in pregnancy, with a family history, obesity and jobs that involve long periods of standing.
tx: Compression stockings, leg elevation and exercise relieve symptoms. Troublesome veins can be closed with heat (endovenous ablation), injections (sclerotherapy) or removed surgically.
? can you get rid of varicose veins without surgery
care: Seek care if a varicose vein bleeds, the skin over it becomes discoloured or ulcerated, or a vein becomes hot, hard and painful.

# Peripheral artery disease [condition]
what: Peripheral artery disease is narrowing of the arteries supplying the legs by fatty plaque, reducing blood flow to the muscles. It is a sign of atherosclerosis elsewhere in the body.
sym: The classic symptom is cramping pain in the calf, thigh or buttock on walking that eases with rest, called intermittent claudication. Advanced disease causes pain at rest, cold feet and slow-healing sores.
? my calves cramp up after walking a block and get better when i stand still
risk: Smoking and diabetes are the strongest risk factors, along with high blood pressure, high cholesterol and older age.
dx: The ankle-brachial index compares blood pressure at the ankle and arm; a low ratio indicates narrowed leg arteries. Ultrasound or angiography maps the blockages.
tx: Treatment includes stopping smoking, supervised walking exercise, statins, antiplatelet medicine and control of blood pressure and diabetes. Angioplasty or bypass may be needed for severe symptoms.

# Iron deficiency anaemia [condition]
what: Iron deficiency anaemia is a shortage of red blood cells or haemoglobin caused by too little iron. It is the most common type of anaemia worldwide.
sym: Symptoms include tiredness, weakness, shortness of breath on exertion, pale skin, headaches, a fast heartbeat and sometimes cravings to chew ice. Mild anaemia may cause no symptoms.
? always exhausted and i crave chewing ice, is that a vitamin thing
cause: Common causes are heavy menstrual periods, pregnancy, low dietary iron, and blood loss from the gut, for example from ulcers, polyps or bowel cancer. Coeliac disease can reduce iron absorption.
dx: Iron deficiency anaemia is diagnosed with a full blood count showing low haemoglobin and small red cells, together with low ferritin. Adults without an obvious cause may need tests of the gut.
? why does my doctor want a colonoscopy because i'm anemic
tx: Treatment is with iron tablets, taken for several months to replenish stores, or intravenous iron when tablets are not tolerated or absorbed. The underlying cause must also be treated.
? iron pills make me constipated and sick, are there other options
prev: Eating iron-rich foods such as meat, beans, lentils and fortified cereals, with vitamin C to aid absorption, helps prevent iron deficiency.

# Vitamin B12 deficiency [condition]
what: Vitamin B12 deficiency is a lack of the vitamin needed to make red blood cells and maintain nerves. It can cause a type of anaemia with large red cells and nerve damage.
sym: Symptoms include tiredness, pale skin, a sore red tongue, pins and needles or numbness in the hands and feet, unsteadiness, memory problems and low mood.
? tingling in my feet and so tired, could it be low b12
cause: Causes include pernicious anaemia, an autoimmune condition that blocks absorption, a vegan diet without supplements, stomach or bowel surgery, and long-term use of metformin or acid-reducing medicines.
risk: Older adults, vegans, people with coeliac or Crohn's disease, and those who have had weight-loss surgery are at higher risk.
tx: Deficiency is treated with vitamin B12 injections or high-dose tablets, depending on the cause. People with pernicious anaemia usually need lifelong treatment.
? do i need b12 shots forever or can i just take pills

# Sickle cell disease [condition]
what: Sickle cell disease is an inherited blood disorder in which red blood cells contain abnormal haemoglobin and become stiff and crescent-shaped. The cells break down early and can block small blood vessels.
sym: It causes episodes of severe pain called sickle cell crises, anaemia, tiredness, swelling of the hands and feet in infants, frequent infections and delayed growth.
cause: A child develops sickle cell disease by inheriting an abnormal haemoglobin gene from both parents. People with one copy have sickle cell trait and are usually healthy.
? if both me and my husband have sickle cell trait will our baby get it
dx: Sickle cell disease is detected by newborn blood-spot screening in many countries, and confirmed with haemoglobin electrophoresis or similar tests.
tx: Care includes pain management, hydroxyurea to reduce crises, vaccinations and preventive penicillin in children, blood transfusions and, for some, stem cell transplantation or gene therapy.
care: Urgent care is needed for fever, severe pain, chest pain or breathlessness, sudden weakness, or a painful prolonged erection in someone with sickle cell disease.

# Haemophilia [condition]
what: Haemophilia is an inherited bleeding disorder in which the blood lacks enough of a clotting factor, factor VIII in haemophilia A or factor IX in haemophilia B. Bleeding lasts longer than normal.
sym: Signs include easy bruising, prolonged bleeding after cuts, dental work or surgery, and spontaneous bleeding into joints and muscles causing pain and swelling.
cause: The genes for factors VIII and IX are on the X chromosome, so haemophilia mostly affects males, while females usually carry the gene.
tx: Treatment replaces the missing clotting factor with regular infusions or uses newer non-factor therapies given by injection, preventing bleeds and joint damage.
? is there a cure for hemophilia now with gene therapy
"""
