/* search_names.h: the name parts search_gen.c draws from, written for this
 * benchmark (no list copied from elsewhere). Each pool is ordered from the
 * most to the least common as we judge it: search_gen.c draws from a pool
 * with Zipf-like weights by position (zpick), so the first entries make the
 * head of the distribution and the rest its long tail. Compound given names
 * are made of a first and a second part (Ram+esh, Gur+preet, Sel+van,
 * Abdul + Karim), each drawn by its own weights, which is how these names
 * are formed; a few combinations are unusual, as some real names are.
 * Included by search_gen.c only. */
#ifndef SEARCH_NAMES_H
#define SEARCH_NAMES_H

/* North Indian Hindu: compound given names, whole given names, the middle
 * names written between given name and surname, surnames. */
static const char *const hn_pre[] = {
        "Ram",   "Sur",   "Mah",    "Raj",  "Din",   "Muk",    "Rak",   "Nar",
        "Har",   "Dev",   "Jag",    "Bal",  "Kam",   "Sat",    "Shiv",  "Vij",
        "Anand", "Prak",  "Gyan",   "Brij", "Krish", "Gop",    "Man",   "Ved",
        "Jai",   "Om",    "Shyam",  "Ravi", "Lal",   "Ratan",  "Chand", "Yog",
        "Bhup",  "Dhar",  "Pushp",  "Sant", "Sudh",  "Umesh",  "Ish",   "Ajay",
        "Kal",   "Hem",   "Ramesh", "Nand", "Bhuv",  "Dinesh", "Mith",  "Jit",
        "Prem",  "Sham",  "Tej",    "Uday", "Vidya", "Yash",   "Bir",   "Dhan",
        "Gaj",   "Jog",   "Lok",    "Nem",  "Par",   "Rup",    "Shri",  "Triv",
        "Brahm", "Chandr"};
static const char *const hn_suf[] = {
        "esh",     "endra",   "ender",   "pal",     "deep",    "want",
        "veer",    "raj",     "ish",     "an",      "ant",     "ohan",
        "kishore", "prakash", "narayan", "kant",    "nath",    "chand",
        "dev",     "shankar", "pati",    "vardhan", "swaroop", "bhushan",
        "mani",    "das",     "ram",     "dutt",    "lal",     "bihari",
        "sharan",  "prasad",  "ashish",  "anand",   "indra",   "ishwar"};
static const char *const hn_given_m[] = {
        "Anil",     "Sunil",     "Vikas",      "Deepak",  "Sanjay",
        "Vijay",    "Rahul",     "Amit",       "Sumit",   "Rohit",
        "Manoj",    "Ashok",     "Santosh",    "Pradeep", "Sandeep",
        "Naveen",   "Praveen",   "Arun",       "Varun",   "Vivek",
        "Alok",     "Pankaj",    "Neeraj",     "Ankit",   "Abhishek",
        "Gaurav",   "Saurabh",   "Vishal",     "Nitin",   "Sachin",
        "Ajit",     "Akhilesh",  "Anuj",       "Ashish",  "Bablu",
        "Bhola",    "Chhotu",    "Dharmendra", "Dilip",   "Gopal",
        "Hari",     "Jitendra",  "Kamal",      "Kapil",   "Lalit",
        "Mohit",    "Mukesh",    "Narendra",   "Nikhil",  "Pawan",
        "Raju",     "Ramesh",    "Ravi",       "Sahil",   "Shailesh",
        "Shekhar",  "Sonu",      "Sudhir",     "Tarun",   "Umesh",
        "Vinod",    "Yogesh",    "Pintu",      "Munna",   "Guddu",
        "Pappu",    "Kallu",     "Ramu",       "Shambhu", "Bhagwan",
        "Kanhaiya", "Ghanshyam", "Radheshyam", "Chhedi",  "Jhabbu",
        "Lakhan",   "Matadin",   "Sukhram"};
static const char *const hn_f_pre[] = {
        "Sun",   "Sav",  "Kav",  "Anj",   "Pri",  "Nee", "Sar", "Man",
        "Ran",   "Shak", "Lal",  "Pushp", "Prem", "Kam", "Vim", "Nirm",
        "Sush",  "Ram",  "Shar", "Mad",   "Ur",   "Lat", "Hem", "Ras",
        "Kusum", "Shob", "Sang", "Jan",   "Van",  "Bhag"};
static const char *const hn_f_suf[] = {"ita",  "a",    "ali",     "i",
                                       "lata", "wati", "mala",    "rani",
                                       "ika",  "esh",  "eshwari", "bala"};
static const char *const hn_given_f[] = {
        "Sunita", "Anita",  "Geeta",     "Seema",   "Rekha",     "Pooja",
        "Priya",  "Neha",   "Kavita",    "Savita",  "Suman",     "Usha",
        "Asha",   "Meena",  "Reena",     "Kiran",   "Rani",      "Sarita",
        "Mamta",  "Kamla",  "Shanti",    "Lakshmi", "Radha",     "Anjali",
        "Preeti", "Jyoti",  "Sapna",     "Ritu",    "Nisha",     "Shweta",
        "Guddi",  "Munni",  "Phoolmati", "Ramkali", "Shyamkali", "Sona",
        "Babita", "Poonam", "Rinku",     "Sushila", "Kalawati",  "Dhanno"};
static const char *const hn_mid[] = {"Kumar",   "Prasad",  "Chandra", "Lal",
                                     "Nath",    "Narayan", "Pratap",  "Bahadur",
                                     "Dutt",    "Shankar", "Mohan",   "Kishore",
                                     "Prakash", "Swaroop", "Dayal",   "Sahai"};
static const char *const hn_sur[] = {
        "Kumar",      "Singh",       "Sharma",    "Verma",      "Gupta",
        "Yadav",      "Tiwari",      "Mishra",    "Pandey",     "Dubey",
        "Srivastava", "Chaudhary",   "Jha",       "Shukla",     "Tripathi",
        "Agarwal",    "Saxena",      "Chauhan",   "Rajput",     "Maurya",
        "Kushwaha",   "Prajapati",   "Nishad",    "Pal",        "Rathore",
        "Tomar",      "Bhardwaj",    "Tyagi",     "Joshi",      "Rawat",
        "Negi",       "Bisht",       "Thakur",    "Gurjar",     "Kashyap",
        "Lodhi",      "Vishwakarma", "Sahu",      "Soni",       "Jaiswal",
        "Awasthi",    "Bajpai",      "Dixit",     "Dwivedi",    "Trivedi",
        "Chaturvedi", "Upadhyay",    "Pathak",    "Ojha",       "Rai",
        "Shahi",      "Sengar",      "Bhadauria", "Kushwah",    "Baghel",
        "Gautam",     "Jatav",       "Valmiki",   "Kori",       "Dhobi",
        "Kurmi",      "Patel",       "Gangwar",   "Katiyar",    "Sachan",
        "Niranjan",   "Rastogi",     "Mittal",    "Goel",       "Bansal",
        "Singhal",    "Garg",        "Varshney",  "Maheshwari", "Khandelwal",
        "Kesarwani",  "Chaurasia",   "Rajbhar",   "Bind",       "Mallah",
        "Kewat",      "Lohar",       "Sonkar",    "Kannaujia",  "Kanaujia",
        "Dohare",     "Paswan",      "Manjhi",    "Bharti",     "Azad",
        "Gond",       "Kharwar",     "Baiga",     "Tharu",      "Bhatt",
        "Nautiyal",   "Semwal",      "Uniyal",    "Pant",       "Kandpal"};

/* Muslim */
static const char *const mu_given_m[] = {
        "Shahid",  "Rafiq",    "Irfan",   "Imran",    "Salim",    "Javed",
        "Aslam",   "Akram",    "Arif",    "Asif",     "Sajid",    "Wasim",
        "Nadeem",  "Naeem",    "Rashid",  "Khalid",   "Tariq",    "Zahid",
        "Sabir",   "Sharif",   "Yusuf",   "Iqbal",    "Jameel",   "Shakeel",
        "Aqeel",   "Faisal",   "Farooq",  "Sohail",   "Danish",   "Aamir",
        "Anwar",   "Parvez",   "Mushtaq", "Ishtiyaq", "Altaf",    "Ejaz",
        "Zubair",  "Mehboob",  "Rizwan",  "Shamim",   "Ayub",     "Babar",
        "Dilshad", "Fahim",    "Gulzar",  "Hanif",    "Intezar",  "Jafar",
        "Kaleem",  "Latif",    "Maqsood", "Nasir",    "Obaid",    "Qasim",
        "Rais",    "Sarfaraz", "Tabrez",  "Umar",     "Vakil",    "Wajid",
        "Yameen",  "Zakir",    "Shoaib",  "Arshad",   "Naushad",  "Mumtaz",
        "Nawab",   "Chand",    "Bundu",   "Sultan",   "Munawwar", "Israr"};
static const char *const mu_pre[] = {
        "Abdul", "Ghulam", "Noor",   "Shams",  "Nizam",   "Zia",   "Fakhr",
        "Moin",  "Saif",   "Jamal",  "Kamal",  "Ikram",   "Ehsan", "Habib",
        "Aziz",  "Rahmat", "Barkat", "Inayat", "Shaukat", "Riyaz"};
static const char *const mu_suf[] = {"uddin", "ullah",     " Ahmad", " Hasan",
                                     " Ali",  " Mohammad", "ul Haq", " Rasool",
                                     " Nabi", " Mustafa"};
static const char *const mu_abdul[] = {"Rahman", "Karim",   "Majid",  "Rashid",
                                       "Qadir",  "Hamid",   "Sattar", "Jabbar",
                                       "Wahid",  "Ghaffar", "Latif",  "Aziz",
                                       "Mannan", "Razzaq",  "Salam",  "Bari"};
static const char *const mu_given_f[] = {
        "Fatima",  "Ayesha", "Shabana", "Nazia",    "Rubina",    "Shaheen",
        "Farzana", "Salma",  "Naseem",  "Zainab",   "Rukhsana",  "Parveen",
        "Sultana", "Noor",   "Shabnam", "Afsana",   "Yasmin",    "Nasreen",
        "Gulshan", "Hina",   "Ishrat",  "Jahanara", "Khushnuma", "Mehrunnisa",
        "Nargis",  "Qamar",  "Razia",   "Sabiha",   "Tabassum",  "Uzma",
        "Zarina",  "Zubeda", "Anjum",   "Firdaus",  "Gulnaz",    "Husna"};
static const char *const mu_sur[] = {
        "Khan",    "Ansari", "Qureshi", "Siddiqui", "Sheikh",    "Malik",
        "Mirza",   "Pathan", "Saifi",   "Alvi",     "Rizvi",     "Hussain",
        "Ahmad",   "Ali",    "Beg",     "Mansoori", "Dar",       "Bhat",
        "Lone",    "Wani",   "Usmani",  "Farooqui", "Abbasi",    "Idrisi",
        "Salmani", "Rayeen", "Raeen",   "Kasai",    "Chaudhary", "Syed",
        "Naqvi",   "Zaidi",  "Jafri",   "Kazmi",    "Hashmi",    "Azmi",
        "Nomani",  "Qadri",  "Chishti", "Warsi",    "Shah",      "Mughal"};
static const char *const mu_f_sur[] = {
        "Bano",     "Khatoon", "Begum",   "Khan",    "Ansari",
        "Siddiqui", "Nisha",   "Parveen", "Qureshi", "Malik"};
static const char *const mohammad_forms[] = {
        "Mohammad", "Mohd.", "Md", "Mohammed", "Muhammad", "Mohd", "Mohamed"};

/* Telugu, Kannada and Malayalam women's given names. */
static const char *const south_given_f[] = {
        "Lakshmi", "Padma",   "Sarala",  "Vijaya",   "Manjula", "Shobha",
        "Sujatha", "Radha",   "Anitha",  "Kavya",    "Bhavani", "Sravani",
        "Latha",   "Sindhu",  "Geetha",  "Suma",     "Rekha",   "Bindu",
        "Jaya",    "Nagamma", "Yashoda", "Parvathi", "Renuka",  "Sreeja",
        "Ambika",  "Divya",   "Hema",    "Kamala",   "Leela",   "Mallika"};

/* Sikh */
static const char *const si_pre[] = {
        "Gur",   "Har",   "Man", "Jas",   "Kul",   "Sukh",   "Bal",   "Param",
        "Jag",   "Aman",  "Ran", "Lakh",  "Dav",   "Tej",    "Ind",   "Kar",
        "Nav",   "Prab",  "Sim", "Amar",  "Dal",   "Hardev", "Iqbal", "Jor",
        "Ravin", "Sarab", "Tar", "Upkar", "Varin", "Charan", "Dil",   "Bhup"};
static const char *const si_suf[] = {
        "preet",  "winder", "jit",  "deep",   "bir",    "inder", "want",
        "meet",   "jot",    "pal",  "vinder", "dev",    "jeet",  "charan",
        "sharan", "mohan",  "noor", "dip",    "ninder", "raj"};
static const char *const si_f_suf[] = {"preet", "jit",  "deep", "jeet", "want",
                                       "inder", "meet", "jot",  "noor", "bir"};
static const char *const si_clan[] = {
        "Sandhu", "Gill",    "Sidhu",    "Dhillon",  "Grewal",    "Brar",
        "Bajwa",  "Virk",    "Randhawa", "Mann",     "Bains",     "Cheema",
        "Aulakh", "Bhullar", "Chahal",   "Dhaliwal", "Garcha",    "Hundal",
        "Johal",  "Kang",    "Kahlon",   "Mangat",   "Pannu",     "Sekhon",
        "Toor",   "Walia",   "Bedi",     "Sodhi",    "Ahluwalia", "Ramgarhia"};

/* Bengali */
static const char *const bn_pre[] = {
        "Debo", "Subho", "Partho", "Indra",  "Biswa", "Proso", "Amit",
        "Ari",  "Sou",   "Ani",    "Sudi",   "Swar",  "Tapo",  "Ashi",
        "Nilo", "Hiro",  "Joy",    "Shanti", "Sukh",  "Ranj"};
static const char *const bn_suf[] = {
        "jit", "nil", "ban",    "moy",     "brata", "sish",    "pam",
        "ndu", "kar", "ranjan", "shekhar", "nath",  "prakash", "jyoti"};
static const char *const bn_given_m[] = {
        "Subhash",   "Sourav",   "Debashis", "Partha", "Amitabha", "Biswajit",
        "Prosenjit", "Tapas",    "Sujit",    "Ranjan", "Arup",     "Anirban",
        "Abhijit",   "Indranil", "Sanjib",   "Bikash", "Pradip",   "Tapan",
        "Swapan",    "Dipankar", "Sukanta",  "Goutam", "Shyamal",  "Kaushik",
        "Bapi",      "Babu",     "Montu",    "Khokon", "Raju",     "Palash",
        "Samir",     "Tanmoy",   "Arnab",    "Soumen", "Bidyut",   "Nirmal"};
static const char *const bn_given_f[] = {
        "Mousumi", "Rina",     "Sharmila", "Sraboni",  "Tanusree", "Piyali",
        "Moumita", "Rupa",     "Shampa",   "Anindita", "Sutapa",   "Mitali",
        "Bulbul",  "Chaitali", "Dipali",   "Jhuma",    "Keya",     "Lipika",
        "Mampi",   "Nandini",  "Papiya",   "Rumpa",    "Sathi",    "Tumpa"};
static const char *const bn_sur[] = {
        "Banerjee",     "Mukherjee", "Chatterjee", "Ghosh",    "Bose",
        "Das",          "Dutta",     "Sen",        "Roy",      "Chakraborty",
        "Bhattacharya", "Sarkar",    "Mondal",     "Biswas",   "Saha",
        "Dey",          "Majumdar",  "Haldar",     "Mitra",    "Ganguly",
        "Basu",         "Nandi",     "Kundu",      "Pal",      "Paul",
        "Mandal",       "Sikdar",    "Bag",        "Pramanik", "Adhikari",
        "Goswami",      "Sinha",     "Guha",       "Naskar",   "Mallick",
        "Hazra",        "Samanta",   "Jana",       "Maity",    "Bera"};

/* Marathi */
static const char *const mr_given_m[] = {
        "Sachin",      "Ganesh",      "Santosh",   "Sunil",     "Vijay",
        "Prakash",     "Sandip",      "Nitin",     "Amol",      "Swapnil",
        "Tushar",      "Mahesh",      "Dattatray", "Vitthal",   "Balasaheb",
        "Dnyaneshwar", "Shivaji",     "Sambhaji",  "Pandurang", "Yogesh",
        "Rajendra",    "Dilip",       "Sopan",     "Kishor",    "Anant",
        "Baban",       "Chandrakant", "Dadasaheb", "Eknath",    "Gajanan",
        "Hanumant",    "Janardan",    "Kashinath", "Laxman",    "Machhindra",
        "Namdev",      "Onkar",       "Prashant",  "Ramdas",    "Shankar",
        "Tukaram",     "Uttam",       "Vasant",    "Yashwant",  "Appasaheb",
        "Bhausaheb",   "Raosaheb",    "Nanasaheb", "Vikram",    "Akshay"};
static const char *const mr_given_f[] = {
        "Sunanda", "Savita",    "Vaishali", "Ashwini", "Manisha",
        "Supriya", "Shubhangi", "Madhuri",  "Sangita", "Jayashree",
        "Alka",    "Chhaya",    "Hirabai",  "Kalpana", "Lata",
        "Mangal",  "Nanda",     "Rohini",   "Sindhu",  "Vandana"};
static const char *const mr_sur[] = {
        "Patil",      "Pawar",     "Jadhav",   "Shinde",   "More",
        "Kale",       "Gaikwad",   "Deshmukh", "Kulkarni", "Chavan",
        "Bhosale",    "Salunkhe",  "Kamble",   "Mane",     "Shelke",
        "Thorat",     "Deshpande", "Sawant",   "Kadam",    "Wagh",
        "Gawade",     "Londhe",    "Kharat",   "Bhagat",   "Ahire",
        "Bhise",      "Chougule",  "Dhawale",  "Gaware",   "Hande",
        "Jagtap",     "Kokate",    "Mhaske",   "Nikam",    "Pingale",
        "Raut",       "Sonawane",  "Tambe",    "Waghmare", "Yadav",
        "Zende",      "Avhad",     "Borse",    "Dalvi",    "Ghule",
        "Kshirsagar", "Lokhande",  "Mohite"};

/* Tamil: father's initial first (S. Murugan), sometimes expanded. */
static const char *const ta_pre[] = {
        "Sel",  "Mur",   "Kar",    "Sara",  "Bala", "Rama",   "Kumara",
        "Arul", "Anbu",  "Sentha", "Thiru", "Vel",  "Siva",   "Shan",
        "Pala", "Mari",  "Muthu",  "Kanna", "Raja", "Sakthi", "Ilan",
        "Mani", "Ganga", "Jaya",   "Nata"};
static const char *const ta_suf[] = {
        "van",    "ugan",  "thik",  "vanan",  "murugan", "samy",    "raj",
        "kumar",  "dasan", "mani",  "vel",    "selvan",  "pandian", "nathan",
        "lingam", "rajan", "sekar", "kannan", "durai",   "moorthy"};
static const char *const ta_given_m[] = {
        "Murugan",    "Senthil",    "Karthik",
        "Saravanan",  "Selvam",     "Kumaresan",
        "Ganesan",    "Rajendran",  "Balasubramanian",
        "Venkatesh",  "Suresh",     "Prabhu",
        "Arumugam",   "Ayyappan",   "Palani",
        "Muthu",      "Velu",       "Mani",
        "Anbu",       "Sekar",      "Ramesh",
        "Dinesh",     "Vignesh",    "Ramkumar",
        "Thangaraj",  "Ilango",     "Jeyakumar",
        "Kathiresan", "Loganathan", "Manikandan",
        "Nagarajan",  "Pandi",      "Sivakumar",
        "Thirumalai"};
static const char *const ta_given_f[] = {
        "Lakshmi",  "Meenakshi",    "Selvi",  "Kavitha", "Malathi",
        "Revathi",  "Valli",        "Priya",  "Saranya", "Deepa",
        "Amudha",   "Chitra",       "Gowri",  "Indira",  "Jothi",
        "Kamatchi", "Muthulakshmi", "Nithya", "Pushpa",  "Rajeswari",
        "Sumathi",  "Tamilselvi"};
static const char *const ta_father[] = {
        "Kuppusamy",  "Krishnan",    "Ramasamy",  "Subramanian", "Perumal",
        "Chinnasamy", "Natarajan",   "Rajagopal", "Shanmugam",   "Sundaram",
        "Murugesan",  "Palanisamy",  "Govindan",  "Raman",       "Selvaraj",
        "Arumugam",   "Karuppusamy", "Mariappan", "Velusamy",    "Duraisamy",
        "Annamalai",  "Chellappan",  "Gopal",     "Kandasamy",   "Muniyandi",
        "Periyasamy", "Rathinam",    "Sethu",     "Thangavel",   "Veerappan"};

/* Telugu, Kannada, Malayalam, Christian */
static const char *const te_given[] = {"Venkatesh",      "Srinivas",
                                       "Ramana",         "Nagaraju",
                                       "Suresh",         "Ramu",
                                       "Satyanarayana",  "Prasad",
                                       "Venkata Ramana", "Lakshmi Narayana",
                                       "Srinivasa",      "Chandra Sekhar",
                                       "Ravi Kumar",     "Anji",
                                       "Koteswara",      "Appa Rao",
                                       "Bhaskar",        "Chiranjeevi",
                                       "Durga Prasad",   "Gopi",
                                       "Hanumantha",     "Jagan",
                                       "Krishna Murthy", "Mallikarjuna",
                                       "Nageswara",      "Obulesu",
                                       "Pullaiah",       "Rambabu",
                                       "Sambasiva",      "Tirupati",
                                       "Yesu",           "Veeraiah"};
static const char *const te_sur[] = {
        "Reddy",  "Rao",    "Naidu",     "Chowdary", "Varma",  "Goud",
        "Yadav",  "Raju",   "Setty",     "Sastry",   "Babu",   "Kumar",
        "Murthy", "Prasad", "Yadavalli", "Kolli",    "Gaddam", "Bandi"};
static const char *const kn_given[] = {
        "Manjunath",     "Basavaraj",  "Mahadevappa", "Shivakumar",
        "Nagaraj",       "Ravi",       "Siddaraju",   "Chandrashekar",
        "Puttaswamy",    "Ramesh",     "Lokesh",      "Girish",
        "Anand",         "Chennappa",  "Dyavappa",    "Eranna",
        "Hanumanthappa", "Kempegowda", "Mallesh",     "Nanjundaswamy",
        "Rangaswamy",    "Shivanna",   "Thimmaiah",   "Umesh"};
static const char *const kn_sur[] = {"Gowda", "Shetty", "Hegde", "Naik",
                                     "Patil", "Rao",    "Kumar", "Swamy",
                                     "Bhat",  "Kamath", "Pai",   "Poojary",
                                     "Nayak", "Achar",  "Kulal", "Salian"};
static const char *const ml_given[] = {
        "Anil Kumar", "Suresh Babu", "Biju",     "Shaji",       "Sajeev",
        "Rajeev",     "Pradeep",     "Jayan",    "Sunil",       "Manoj",
        "Santhosh",   "Vinod",       "Aneesh",   "Bineesh",     "Dileep",
        "Gireesh",    "Hari",        "Jithin",   "Krishnadas",  "Mohanan",
        "Prasanth",   "Rajesh",      "Sreejith", "Unnikrishnan"};
static const char *const ml_sur[] = {
        "Nair",    "Menon",       "Pillai", "Kurup",  "Panicker", "Warrier",
        "Nambiar", "Namboothiri", "Thampi", "Kaimal", "Unnithan", "Marar"};
static const char *const ch_given_m[] = {
        "Joseph",   "Thomas",  "George",   "Mathew",   "Jacob",     "John",
        "Varghese", "Kurian",  "Philip",   "Abraham",  "Sebastian", "Antony",
        "Francis",  "Xavier",  "Peter",    "Paul",     "Alex",      "Stephen",
        "Benny",    "Cyril",   "Dominic",  "Emmanuel", "Felix",     "Gregory",
        "Immanuel", "Johnson", "Lawrence", "Martin",   "Norbert",   "Samuel"};
static const char *const ch_given_f[] = {
        "Mary",  "Elizabeth", "Annamma", "Sosamma", "Rosy",      "Shiny",
        "Jincy", "Treesa",    "Jessy",   "Agnes",   "Bincy",     "Celine",
        "Daisy", "Gracy",     "Lissy",   "Molly",   "Philomina", "Reena"};
static const char *const ch_sur[] = {
        "Thomas",  "Joseph",  "George",    "Mathew", "Varghese", "Fernandes",
        "D'Souza", "Pinto",   "Rodrigues", "Lobo",   "Dsouza",   "Kurian",
        "Masih",   "Lal",     "Gill",      "Dass",   "Peter",    "Francis",
        "Chacko",  "Cherian", "Eapen",     "Koshy",  "Mendonca", "Pereira"};
static const char *const streets[] = {
        "Gandhi Road",  "Station Road",  "Civil Lines",   "Sadar Bazaar",
        "Main Bazar",   "Nai Basti",     "Purana Qila",   "Subhash Nagar",
        "Nehru Colony", "Temple Street", "Kothi Mohalla", "Chowk"};

/* Less common given names, made of syllables the way many are (Bh+a+r+at,
 * Tr+i+l+ok, D+u+rg+esh): a long tail of names each given to few persons.
 * Drawn evenly, not by weights. */
static const char *const syl_on[] = {
        "Bh", "Ch", "D", "Dh", "G", "Gh", "J", "K",  "Kh", "L",  "M", "N",
        "P",  "R",  "S", "Sh", "T", "V",  "Y", "Pr", "Tr", "Sr", "B", "H"};
static const char *const syl_v[] = {"a", "aa", "i", "u", "e", "o"};
static const char *const syl_mid[] = {"n",  "r",  "l",  "sh", "v",
                                      "m",  "d",  "k",  "j",  "t",
                                      "rg", "nd", "kh", "tn", "sw"};
static const char *const syl_end[] = {"esh",   "endra", "ant", "ish", "an",
                                      "ohan",  "eep",   "it",  "u",   "a",
                                      "ender", "raj",   "pal", "ak"};

#endif
