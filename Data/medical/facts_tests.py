"""Authored fact base: medical tests and procedures. Written for Attune by its authors."""

FACTS = """
# Haemoglobin A1c test [test]
purpose: The HbA1c test measures the percentage of haemoglobin with glucose attached, reflecting average blood sugar over the previous two to three months. It is used to diagnose diabetes and monitor its control.
? what does a high a1c number mean on my blood test
prep: No fasting is needed for an HbA1c test, and it can be taken at any time of day. It can be done at the same time as other routine blood tests.
? do i need to fast before an a1c
results: An HbA1c below 5.7 percent is normal, 5.7 to 6.4 percent indicates prediabetes, and 6.5 percent or higher on two tests indicates diabetes. Many people with diabetes aim for around 7 percent or below, individualised by their clinician.
? my a1c came back 6.1, do i have diabetes
proc: HbA1c is measured from a blood sample drawn from a vein or, with point-of-care devices, from a finger prick. Laboratory results are usually available within a few days.
? can they check a1c with a finger prick
risks: HbA1c can be misleading in conditions that change red blood cell lifespan, such as anaemia, recent blood loss, kidney failure, pregnancy and some haemoglobin variants; other glucose tests are used instead. It is also less reliable in children and in people with rapidly rising blood sugar.
? can anemia mess up your a1c result

care: People with diabetes usually have HbA1c checked every three to six months; a rising result is a prompt to review diet, activity and medicines with the care team rather than a cause for alarm. Targets are individualised, and older or frail people may have higher targets to avoid hypoglycaemia.
? how often should a diabetic get their a1c checked
# Lipid panel [test]
purpose: A lipid panel measures total cholesterol, LDL cholesterol, HDL cholesterol and triglycerides to assess the risk of heart disease and stroke and to monitor treatment. It is often combined with other risk factors in a risk calculator.
? what does a cholesterol test actually check
prep: Many labs no longer require fasting for a lipid panel, but fasting for 9 to 12 hours may be requested, especially if triglycerides were previously high. Water and usual medicines are normally allowed.
? do you have to fast for a cholesterol blood test
results: Lower LDL is better, and HDL above about 40 mg/dL in men and 50 mg/dL in women is desirable. Targets for LDL depend on overall cardiovascular risk rather than a single cut-off.
? my hdl is low and ldl is high, what does that mean
proc: A blood sample is drawn from a vein in the arm; results are usually available within a day or two. Finger-prick tests are also available in some pharmacies.
? how long do cholesterol results take

risks: Cholesterol results vary from day to day and can be affected by recent illness, so a borderline result may be repeated before treatment decisions are made. Acute illness, recent heart attack and pregnancy can temporarily change levels.
? can my cholesterol be high one week and normal the next
# Complete blood count [test]
purpose: A complete blood count (CBC) measures red cells, white cells, platelets and haemoglobin. It helps detect anaemia, infection, inflammation, bleeding disorders and blood cancers.
? what does a cbc test show
results: Low haemoglobin suggests anaemia, a high white cell count often reflects infection or inflammation, and low platelets can raise bleeding risk. Slightly abnormal values are common and interpreted in context.
? my white blood cell count is a little high, should i worry
prep: A full blood count needs no special preparation or fasting. It is often ordered with other tests that may need fasting.
? do i need to fast for a cbc
proc: Blood is drawn from a vein into a tube with an anticoagulant and analysed by an automated counter, sometimes with a blood film reviewed under a microscope. Results are often available the same day.
? how is a complete blood count done

risks: A blood draw is very low risk; a small bruise or brief light-headedness can occur at the needle site. Fainting is uncommon and more likely in people anxious about needles.
? is it normal to bruise after a blood draw
# Thyroid function tests (TSH) [test]
purpose: Thyroid function tests measure thyroid-stimulating hormone (TSH) and often free thyroxine (T4) to check for an underactive or overactive thyroid and to adjust thyroid medication. It is also used to screen newborns for congenital hypothyroidism.
? what does tsh stand for on my bloodwork
results: A high TSH with low free T4 indicates hypothyroidism, while a low TSH with high free T4 indicates hyperthyroidism. A mildly abnormal TSH with normal T4 is called subclinical disease and is often rechecked.
? tsh is high but t4 normal, do i need medicine
prep: No fasting is needed. Biotin supplements can interfere with some thyroid assays and may need to be stopped a few days before testing.
? can biotin throw off my thyroid labs

proc: A blood sample is taken from a vein; testing at a similar time of day and, for people on levothyroxine, before the daily dose makes results easier to compare. Results typically take a day or two.
? should i take my levothyroxine before my thyroid blood test
risks: TSH can be temporarily abnormal during acute illness, early pregnancy and with some medicines such as steroids, so an unexpected result is often repeated after a few weeks. Pregnancy has its own reference ranges for thyroid tests.
? can being sick change my tsh results
# Kidney function tests (creatinine and eGFR) [test]
purpose: Serum creatinine is measured to estimate glomerular filtration rate (eGFR), a measure of how well the kidneys filter blood; it is used to detect and stage kidney disease and to adjust medicine doses. It is also monitored in people taking medicines that affect the kidneys.
? what does egfr mean on my lab results
results: An eGFR of 60 or above is generally considered normal unless there are other signs of kidney damage; below 60 for three months or more indicates chronic kidney disease. Values decline gradually with age.
? egfr of 55, are my kidneys failing
risks: Creatinine can be raised temporarily by dehydration, heavy exercise, a large meat meal or some medicines, and is lower in people with little muscle, so results may need repeating or a cystatin C test. A single low result is therefore repeated before a diagnosis is made.
? can working out raise creatinine

prep: Avoiding a large meat meal and strenuous exercise the day before can make creatinine results more reliable; usual medicines are generally continued unless told otherwise. Fasting is not usually needed.
? what should i avoid before a kidney function test
proc: A blood sample from a vein is measured for creatinine, and the laboratory calculates eGFR using age and sex; a urine albumin-to-creatinine ratio test is often done at the same time. The urine test detects protein leakage, which is an early sign of kidney damage.
# Liver function tests [test]
purpose: Liver function tests measure enzymes such as ALT, AST, ALP and GGT along with bilirubin and albumin to detect liver inflammation, bile duct problems and reduced liver function. Some of these markers also come from bone, muscle or the bile ducts.
? what does it mean if my liver enzymes are elevated
results: Mildly raised ALT is common and often due to fatty liver, alcohol or medicines; the pattern of results and repeat testing help identify the cause. Very high values suggest acute hepatitis.
prep: No special preparation is usually needed, but recent heavy exercise and alcohol can affect some results. Some laboratories prefer fasting for combined tests.
? do i need to stop drinking before liver blood tests

proc: Liver function tests use a single blood sample from a vein and are often run together with other routine blood tests. They are also used to monitor medicines that can affect the liver, such as methotrexate and statins.
? how do they test your liver
risks: A single slightly abnormal liver test is common and often not significant; persistent abnormalities lead to further tests such as viral hepatitis serology and an ultrasound. A raised GGT on its own often reflects alcohol intake or fatty liver.
# Urinalysis [test]
purpose: A urinalysis examines urine with a dipstick and sometimes a microscope to look for infection, blood, protein, glucose and other signs of kidney or metabolic disease. It is quick and often done during pregnancy check-ups.
? what can they tell from a pee sample
proc: A midstream clean-catch sample is collected after cleaning the genital area, passing the first part of the stream into the toilet and catching the middle part in a sterile pot. The sample is best delivered to the clinic within a few hours or kept cool.
? how do you do a clean catch urine sample
results: Nitrites and white cells suggest infection, protein may indicate kidney disease, glucose may signal diabetes, and blood may arise from infection, stones or other causes that need follow-up. A dipstick result is often confirmed by sending the sample for culture.
? what does protein in urine mean

prep: A first-morning sample is sometimes requested because it is more concentrated; menstruation can contaminate the sample with blood, so timing may be adjusted. Drinking a normal amount of fluid beforehand is advised.
? should i do a urine test while on my period
risks: Dipstick results can be affected by contamination, concentrated urine, vitamin C and menstrual blood, so abnormal findings are often confirmed with a laboratory test or culture. Urine culture identifies bacteria and which antibiotics will work.
# Colonoscopy [test]
purpose: Colonoscopy uses a flexible camera passed through the rectum to examine the whole colon. It screens for bowel cancer, removes polyps and investigates bleeding, diarrhoea or anaemia.
? at what age should i get my first colonoscopy
prep: The bowel must be completely empty, so a low-fibre or clear-liquid diet is followed the day before along with a strong laxative preparation. A poor preparation can hide polyps.
? what can i eat the day before a colonoscopy
proc: Colonoscopy usually takes 20 to 60 minutes under sedation. Air or carbon dioxide inflates the bowel so the lining can be seen, and polyps can be removed painlessly.
? does a colonoscopy hurt, will i be asleep
risks: Colonoscopy is generally safe; uncommon risks include bleeding after polyp removal, reactions to sedation and, rarely, a tear in the bowel wall. The risk of a tear is higher when large polyps are removed.
? what are the risks of a colonoscopy
results: If no polyps are found, screening colonoscopy is often repeated after ten years; polyps or a family history shorten the interval. Polyps removed are sent to the laboratory to check for precancerous changes.
? how often do you need a colonoscopy if they find polyps

care: After colonoscopy, someone must drive the person home because of sedation; severe abdominal pain, fever or heavy bleeding in the following days need urgent medical review. Eating and drinking can usually resume the same day.
? can i drive myself home after a colonoscopy
# Mammogram [test]
purpose: A mammogram is a low-dose X-ray of the breast used to screen for breast cancer before symptoms appear and to investigate breast lumps or changes. Screening intervals and starting ages vary by country and personal risk.
? when should i start getting mammograms
proc: The breast is compressed between two plates for a few seconds while images are taken from different angles. The compression can be uncomfortable but improves image quality.
? do mammograms hurt
prep: Deodorant, powder and lotion should be avoided on the day because they can show up on the images. Scheduling the test after a period, when breasts are less tender, may help.
? can i wear deodorant to my mammogram
results: Being called back after a mammogram is common and most recalls do not turn out to be cancer; extra views, ultrasound or a biopsy may be needed. About one in ten women screened are recalled for further tests.
? they called me back after my mammogram, should i be scared

risks: Mammograms use a very low dose of radiation; they can miss some cancers, especially in dense breasts, and sometimes lead to further tests for findings that turn out to be harmless. Regular screening reduces deaths from breast cancer among women in the eligible age range.
? do i need an ultrasound too if i have dense breasts
# Pap smear and HPV test [test]
purpose: Cervical screening checks cells from the cervix for human papillomavirus (HPV) and for abnormal cell changes that could develop into cervical cancer if untreated. It is offered at regular intervals from early adulthood, depending on local programmes.
? what's the point of a pap smear
proc: A speculum is gently inserted into the vagina and a small brush collects cells from the cervix; the test takes a few minutes and may be briefly uncomfortable. Relaxing the legs and breathing slowly can make it more comfortable.
? what happens during a pap smear
results: An abnormal result usually means HPV or mild cell changes, not cancer. Further assessment with colposcopy may be arranged, and many changes resolve on their own.
? my pap came back abnormal with hpv, does that mean cancer
prep: Screening is best scheduled when not menstruating, and vaginal creams or intercourse are often avoided for a day or two beforehand. Telling the clinician about pain or previous difficult tests allows adjustments to be made.
? can i get a pap smear on my period

risks: Cervical screening is low risk; slight spotting or cramping afterwards is common, and the main drawbacks are anxiety and follow-up for changes that would have cleared on their own. The HPV vaccine does not replace screening.
# Electrocardiogram (ECG) [test]
purpose: An electrocardiogram (ECG or EKG) records the heart's electrical activity to detect rhythm problems, heart attacks, strain and conduction disorders. It is quick and often one of the first tests for chest pain or palpitations.
? what does an ekg show about your heart
proc: Small sticky electrodes are placed on the chest, arms and legs, and the recording takes a few minutes while lying still. It is painless.
? does an ekg hurt
results: A normal ECG does not rule out all heart disease, because some problems appear only during symptoms or exercise; longer monitoring or stress testing may be needed. Abnormal findings may lead to an echocardiogram or specialist referral.
? my ekg was normal but i still get chest pain

prep: No preparation is needed beyond wearing clothing that allows access to the chest; lotions can stop electrodes sticking, and chest hair may be clipped. Wearing a separate top rather than a dress makes it easier.
? do i need to do anything before an ekg
risks: A resting ECG has no risks and uses no electricity passing into the body; the sticky pads may leave mild skin irritation. It can be repeated as often as needed.
# Echocardiogram [test]
purpose: An echocardiogram is an ultrasound scan of the heart that shows the size and pumping strength of the chambers and how well the valves work. It is also used to detect fluid around the heart and congenital heart defects.
? what is an echo of the heart for
proc: A probe with gel is moved over the chest while lying on the left side; the test takes 30 to 60 minutes and uses no radiation. A transoesophageal echo passes a probe down the throat for clearer images.
? how long does an echocardiogram take
results: The ejection fraction is the percentage of blood pumped out of the left ventricle with each beat; values around 50 to 70 percent are normal. A lower ejection fraction suggests weakened pumping, which may occur in heart failure.
? what does ejection fraction of 35 mean

prep: A standard echocardiogram needs no fasting or special preparation; fasting for several hours is needed before a transoesophageal echo because of sedation. Someone must drive the person home after a sedated procedure.
? do you have to fast before an echo
risks: A standard echocardiogram has no known risks; transoesophageal echo carries small risks from sedation and a sore throat afterwards. Contrast agents used in some echo studies rarely cause allergic reactions.
# Exercise stress test [test]
purpose: An exercise stress test records the ECG, blood pressure and symptoms while walking on a treadmill or cycling, to look for reduced blood flow to the heart during exertion. It can also assess exercise capacity and how the heart responds to activity.
? what is a treadmill stress test for
prep: Comfortable shoes and clothing are advised, heavy meals and caffeine may need to be avoided beforehand, and some heart medicines may be paused on instruction. Usual medicines should only be stopped on instruction.
? can i drink coffee before a stress test
proc: Exercise intensity increases every few minutes until a target heart rate, symptoms or ECG changes occur. People unable to exercise may receive a medicine that stresses the heart with imaging.
? how long do you have to walk on a stress test

risks: Stress tests are supervised and generally safe; rarely exercise triggers chest pain, an abnormal rhythm or a fall in blood pressure, which staff are trained to manage. Emergency equipment is always available during the test.
? is a stress test dangerous
results: A positive stress test shows ECG changes or symptoms suggesting reduced blood flow and often leads to imaging or angiography; a negative test with good exercise capacity is reassuring. Nuclear or echo stress tests give more accurate results than ECG alone.
# Chest X-ray [test]
purpose: A chest X-ray produces images of the lungs, heart and chest wall to look for pneumonia, fluid, collapsed lung, heart enlargement and some tumours. It is also used to check the position of tubes and lines in hospital.
? why would a doctor order a chest x ray
risks: A chest X-ray uses a very small dose of radiation, roughly equal to a few days of natural background radiation. Pregnancy should be mentioned beforehand.
? how much radiation is in a chest x ray
proc: The person stands against a plate and takes a deep breath and holds it while the image is taken; it takes seconds. A side view may also be taken.
? how long does a chest x ray take

results: A radiologist reports the images, describing shadows, fluid, enlarged heart size or nodules; small nodules often need a follow-up scan rather than immediate treatment. Follow-up is important to confirm that pneumonia shadows have cleared in older smokers.
? x ray report says small nodule in lung, what now
prep: Jewellery and clothing with metal above the waist are removed and a gown is worn; no fasting is needed. A shielding apron is not usually needed for chest imaging.
# CT scan [test]
purpose: Computed tomography (CT) combines many X-rays to create cross-sectional images of the body, useful for injuries, bleeding, infections, cancers and blood clots. It is fast, which makes it the usual first scan in many emergencies.
? what can a ct scan detect
proc: The person lies on a table that moves through a ring-shaped scanner. Contrast dye may be given into a vein or by mouth and can cause a warm feeling.
? why did i feel like i peed myself during the ct scan with dye
risks: CT involves more radiation than plain X-rays, so it is used when the benefit outweighs the small risk. Contrast can rarely cause allergic reactions or affect kidney function in people with kidney disease.
? is a ct scan with contrast safe for my kidneys
prep: Fasting for a few hours may be needed if contrast is used, and people should report allergies, kidney problems, diabetes medicines and possible pregnancy. People taking metformin may be advised about timing around contrast.
? do i have to fast before a ct with contrast

# MRI scan [test]
purpose: Magnetic resonance imaging (MRI) uses a strong magnet and radio waves to produce detailed images of soft tissues such as the brain, spine, joints and organs, without radiation. It is particularly useful for the brain, spinal cord, ligaments and cartilage.
? what's the difference between an mri and a ct
? what is an mri used for
proc: The person lies still inside a tunnel-shaped scanner for 15 to 60 minutes while it makes loud knocking noises; earplugs are provided. Contrast may be injected.
? i'm claustrophobic, how do i get through an mri
risks: Metal in the body can be dangerous in an MRI, so pacemakers, implants, shrapnel and metal fragments must be declared beforehand. Many modern implants are MRI-safe.
? can you have an mri with a pacemaker

prep: Metal objects, jewellery and cards with magnetic strips are removed before entering the scanner; fasting is only needed for some abdominal scans. Tattoos and some eye make-up contain metal traces and should be mentioned.
? what should i wear to an mri
# Ultrasound scan [test]
purpose: Ultrasound uses high-frequency sound waves to create real-time images of organs, blood vessels and a baby in pregnancy. It involves no radiation.
? what is an ultrasound used for besides pregnancy
prep: Preparation depends on the area: abdominal scans may need fasting for several hours, and pelvic scans often need a full bladder. Usual medicines can normally be taken.
? why do i need a full bladder for my ultrasound
proc: Gel is applied to the skin and a handheld probe is moved over the area; for some pelvic scans a slim probe is placed in the vagina for clearer images. It is usually painless, although pressure over a tender area can be uncomfortable.
? what happens during an ultrasound

risks: Diagnostic ultrasound has no known harmful effects at the intensities used, which is why it is the standard imaging test in pregnancy. It can also guide needles for biopsies and injections.
? is ultrasound safe for the baby
# Bone density scan (DEXA) [test]
purpose: A DEXA scan uses low-dose X-rays to measure bone mineral density, usually at the hip and spine, to diagnose osteoporosis and estimate fracture risk. It is recommended for women over 65 and for younger people with risk factors or fractures after minor falls.
? who needs a bone density test
results: Results are given as a T-score comparing bone density with a healthy young adult; a T-score of -2.5 or lower indicates osteoporosis, and between -1 and -2.5 indicates low bone mass (osteopenia). Results are combined with other risk factors to decide whether treatment is needed.
? my t score is -2.1 what does that mean
proc: The person lies on a padded table while a scanner arm passes over the body for about 10 to 20 minutes. It is painless and uses very little radiation.
? how long does a dexa scan take

prep: Calcium supplements are usually stopped for 24 hours before a DEXA scan, and recent barium or contrast studies should be mentioned because they can affect readings. Loose clothing without metal fastenings is advised.
? do i stop calcium before a bone density scan
# Prostate-specific antigen (PSA) test [test]
purpose: The PSA test measures a protein made by the prostate in the blood. It is used in some men to help detect prostate cancer and to monitor men already treated for it.
? should i get a psa test at 55
results: A raised PSA can be caused by prostate cancer but also by an enlarged prostate, infection, recent ejaculation or vigorous cycling. Further tests such as MRI are used before deciding on a biopsy.
? what causes a high psa besides cancer
risks: PSA screening can find cancers that would never have caused harm, leading to anxiety and treatment side effects; men are encouraged to make an informed choice with their clinician. The test can also miss some significant cancers.
? what are the downsides of psa screening

prep: Ejaculation and vigorous exercise such as long cycle rides are avoided for about 48 hours before a PSA test, and testing is delayed after a urine infection. Some medicines for an enlarged prostate halve the PSA level, which the clinician takes into account.
? can sex affect my psa number
# Spirometry [test]
purpose: Spirometry measures how much air a person can blow out and how quickly, helping to diagnose and monitor asthma, COPD and other lung conditions. It is also used before some surgeries and in occupational health checks.
? what is spirometry used for
proc: The person takes a deep breath and blows as hard and fast as possible into a mouthpiece, repeated several times; it may be repeated after a bronchodilator inhaler. It requires full effort and can make people briefly light-headed.
? what is a breathing test where you blow into a tube
prep: Short-acting inhalers may need to be withheld for several hours beforehand, and smoking, heavy meals and vigorous exercise should be avoided before the test. Loose clothing makes deep breathing easier.
? do i stop my inhaler before a lung function test

results: Results compare forced expiratory volume in one second (FEV1) and forced vital capacity (FVC) with expected values; a reduced FEV1/FVC ratio indicates airflow obstruction. Results are compared with predicted values for age, height, sex and ethnicity.
? what does fev1 mean
# Blood glucose test (fasting glucose and glucose tolerance) [test]
purpose: Fasting plasma glucose and the oral glucose tolerance test measure blood sugar to diagnose prediabetes, diabetes and gestational diabetes. Random glucose tests are sometimes used when symptoms are present.
? what is a glucose tolerance test for
prep: Fasting glucose needs no food or caloric drinks for at least eight hours beforehand; water is allowed. Usual medicines are normally taken unless told otherwise.
? can i drink water before a fasting blood sugar test
proc: For the glucose tolerance test, a fasting blood sample is taken, a sweet glucose drink is consumed, and further samples are taken, usually after two hours. During the test, the person stays seated and avoids eating, smoking or exercise.
? what is the sugar drink test they do when you're pregnant
results: A fasting glucose of 100 to 125 mg/dL (5.6 to 6.9 mmol/L) indicates impaired fasting glucose, and 126 mg/dL (7.0 mmol/L) or higher on repeat testing indicates diabetes. A two-hour value of 140 to 199 mg/dL indicates impaired glucose tolerance.
? fasting sugar was 110, is that bad

# Biopsy [test]
purpose: A biopsy removes a small sample of tissue so it can be examined under a microscope, and is often the only way to confirm or rule out cancer. It can also identify infections and inflammatory diseases.
? why would a doctor want a biopsy
proc: Biopsies may use a needle guided by ultrasound or CT, an endoscope, or a small surgical cut, usually with local anaesthetic. Some biopsies are taken during endoscopy without the person feeling anything.
? do they put you to sleep for a needle biopsy
results: Results usually take several days, longer if special stains or genetic tests are needed. A pathologist describes whether cells are normal, inflamed, pre-cancerous or cancerous.
? how long do biopsy results take
risks: Biopsy risks are usually small and include bleeding, bruising, pain and infection at the site; concerns that biopsy spreads cancer are not supported for most procedures. Specific instructions on stopping blood thinners are usually given beforehand.
? can a biopsy make cancer spread
"""
