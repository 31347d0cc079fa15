# Writes the constructed report fixtures of ../reports and ../compare (see SOURCES.md): values chosen by
# hand, step times drawn from a log-normal with fixed seeds. Run: python3 src/test/resources/reports/constructed_fixtures.py
import json, random, statistics, copy, os
random.seed(1)
GIB=1024**3
def steps(median, cv, n=20):
    xs=[round(median*random.lognormvariate(0,cv),3) for _ in range(n)]
    return xs
def pct(xs,p):
    s=sorted(xs); k=(len(s)-1)*p; f=int(k); c=min(f+1,len(s)-1); return round(s[f]+(s[c]-s[f])*(k-f),3)
def cal(runtime, backend, device, workload, batch, imgsz, median, cv, flops, threads):
    xs=steps(median,cv)
    med=round(statistics.median(xs),3)
    return dict(runtime=runtime,backend=backend,device=device,workload=workload,batch=batch,imgsz=imgsz,
        warmupSteps=3,steps=len(xs),medianMs=med,p10Ms=pct(xs,.1),p90Ms=pct(xs,.9),
        cv=round(statistics.pstdev(xs)/statistics.mean(xs),4),
        samplesPerSecond=round(batch*1000/med,1),achievedGflops=round(flops/(med/1000)/1e9,2),
        flopsPerStep=flops,threads=threads,wallMs=round(sum(xs)+3*med,1),stepTimesMs=xs,diagnosis=None)
def check(id,title,sev,status,msg,fix,exp,act):
    return dict(id=id,title=title,severity=sev,status=status,message=msg,fix=fix,expected=exp,actual=act)
def summary(checks):
    c=lambda s: sum(1 for x in checks if x['status']==s)
    return dict(passed=c('pass'),warned=c('warn'),failed=c('fail'),skipped=c('skip'),errors=c('error'))
def gpu(name,vendor,mem,drv,cc,cores,**kw):
    g=dict(name=name,vendor=vendor,memoryBytes=mem,driverVersion=drv,computeCapability=cc,cores=cores,
        cudaVersion=None,smClockMaxMhz=None,memClockMaxMhz=None,powerLimitW=None,temperatureC=None,
        eccEnabled=None,persistenceMode=None,pcieLink=None,health=None)
    g.update(kw); return g
# a peak as the model writes it: no time window, board conditions or range verdict in these fixtures
def peak(**kw):
    return dict(kw,startMs=None,endMs=None,conditions=None,normal=None)
def rt(name,kind,status,context,product,ver,os_,arch,cpus,mem,gpu,diag=None,fix=None,notes=None):
    return dict(name=name,kind=kind,status=status,context=context,product=product,serverVersion=ver,os=os_,arch=arch,
        cpus=cpus,memoryBytes=mem,gpuAccess=gpu,diagnosis=diag,fix=fix,notes=notes or [])
def dev(runtime,backend,device,name,verified,err,tol=1e-4,diag=None,fix=None,tail=None):
    return dict(runtime=runtime,backend=backend,device=device,name=name,verified=verified,maxAbsError=err,
        tolerance=tol,diagnosis=diag,fix=fix,stderrTail=tail or [])
NOTE="constructed test fixture, not a recording: realistic values typed by hand for envdoctor's report tests"

def mac(docker_cpus=8, docker_mem=8*GIB, torch="2.3.1", slow=1.0, created="2026-11-20T09:14:03Z"):
    cnn_flops=2.87e9*3
    cals=[cal("native","djl","mps","cnn",32,64,41.8,0.04,cnn_flops,None),
          cal("native","djl","cpu","cnn",32,64,171.5,0.06,cnn_flops,12),
          cal("docker","djl","cpu","cnn",32,64,190.2*slow,0.08,cnn_flops,docker_cpus),
          cal("native","python","mps","cnn",32,64,38.9,0.05,cnn_flops,None)]
    checks=[check("os.supported","Operating system is supported","error","pass","macOS 14.5 (arm64)",None,"macOS >= 13","14.5"),
        check("jvm.native-arch","JVM runs natively (no Rosetta 2)","error","pass","aarch64 JVM on arm64",None,"translated=false","false"),
        check("python.torch","Python env has torch","error","pass","torch "+torch+" in /Users/dana/venvs/train",None,">= 2.0",torch),
        check("accelerator.verified","An accelerator computes","error","pass","native mps verified (max abs error 2.4e-06)",None,"a GPU device verified","native/djl/mps"),
        check("docker.cpus","Docker VM has enough CPUs","warning","pass" if docker_cpus>=4 else "fail",
              f"Docker Desktop VM has {docker_cpus} CPUs", None if docker_cpus>=4 else "Docker Desktop > Settings > Resources: raise CPUs to at least 4", ">= 4", str(docker_cpus)),
        check("memory.free","Enough free memory for training","warning","warn","12.0 GiB available of 32.0 GiB","Close other applications before training",">= 16 GiB","12.0 GiB"),
        check("disk.free","Free disk space for datasets","warning","pass","384 GiB free on /",None,">= 50 GiB","384 GiB"),
        check("cuda.driver","NVIDIA driver is recent","error","skip","no NVIDIA GPU on this machine",None,">= 535","none")]
    return {
      "_fixture": NOTE,
      "schema":"envdoctor/report/v1","tool":{"name":"envdoctor","version":"0.1.0"},"createdAt":created,
      "host":{"os":{"family":"macos","name":"macOS","version":"14.5","kernel":"Darwin 23.5.0","arch":"arm64"},
        "cpu":{"model":"Apple M2 Pro","vendor":"Apple","physicalCores":12,"logicalCores":12,"performanceCores":8,"efficiencyCores":4,"maxFrequencyHz":3504000000,"features":["FEAT_FP16","FEAT_BF16","FEAT_DotProd","FEAT_I8MM"]},
        "memory":{"totalBytes":32*GIB,"availableBytes":12*GIB},
        "disks":[{"mount":"/","totalBytes":994662584320,"freeBytes":412316860416}],
        "gpus":[gpu("Apple M2 Pro","Apple",None,None,None,19)],
        "power":{"onBattery":False,"lowPowerMode":False},"virtualization":{"vm":None,"container":None}},
      "jvm":{"version":"17.0.11","vendor":"Eclipse Adoptium","arch":"aarch64","translated":False,"home":"/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home"},
      "python":{"executable":"/Users/dana/venvs/train/bin/python","version":"3.11.9","arch":"arm64","venv":True,"found":"VIRTUAL_ENV",
        "torch":{"version":torch,"cuda":None,"mps":{"built":True,"available":True}},"diagnosis":None,"fix":None},
      "engines":[{"runtime":"native","name":"PyTorch","version":"0.36.0","libtorchVersion":"2.7.1","libraryPath":"/Users/dana/Library/Caches/envdoctor/pytorch/2.7.1-cpu-osx-aarch64","flavor":"cpu","diagnosis":None},
                 {"runtime":"docker","name":"PyTorch","version":"0.36.0","libtorchVersion":"2.7.1","libraryPath":"/opt/envdoctor/pytorch/2.7.1-cpu-linux-aarch64","flavor":"cpu","diagnosis":None}],
      "runtimes":[rt("native","native","ok",None,"macOS 14.5","14.5","darwin","arm64",12,32*GIB,"mps"),
        rt("docker","docker","ok","desktop-linux","Docker Desktop 4.30.0","26.1.1","linux","aarch64",docker_cpus,docker_mem,"none",
           "Docker on macOS runs Linux in a VM without Metal: CPU only",None,["Docker Desktop VM: "+str(docker_cpus)+" CPUs, "+str(docker_mem//GIB)+" GiB"]),
        rt("podman","podman","not-installed",None,None,None,None,None,None,None,None,"podman: command not found","brew install podman && podman machine init")],
      "devices":[dev("native","djl","cpu","Apple M2 Pro CPU",True,0.0),
        dev("native","djl","mps","Apple M2 Pro GPU (19 cores)",True,2.4e-06),
        dev("native","python","mps","Apple M2 Pro GPU (19 cores)",True,1.9e-06),
        dev("docker","djl","cpu","aarch64 CPU in Docker Desktop VM",True,0.0),
        dev("docker","djl","mps",None,False,None,diag="Docker on macOS runs Linux in a VM without Metal: no MPS device",
            fix="Train natively for the GPU; use the container for CPU-only jobs",
            tail=["ai.djl.engine.EngineException: MPS backend is not available on this platform"])],
      "calibrations":cals,
      "peaks":[peak(runtime="native",backend="djl",device="mps",test="matmul",dtype="float32",achieved=5.9,unit="TFLOP/s",datasheetPeak=6.8,fractionOfPeak=0.87,diagnosis=None)],
      "recommendation":{"train":{"runtime":"native","backend":"djl","device":"mps"},
        "speedup":round(cals[2]["medianMs"]/cals[0]["medianMs"],2),"speedupCi95":[round(cals[2]["medianMs"]/cals[0]["medianMs"]*0.93,2),round(cals[2]["medianMs"]/cals[0]["medianMs"]*1.07,2)],
        "verdict":"Train natively on MPS: %.1f× faster than Docker (CPU only)"%(cals[2]["medianMs"]/cals[0]["medianMs"]),
        "reason":"Docker on macOS runs Linux in a VM without Metal: CPU only",
        "deployment":"Ship in a container for Linux servers; the verdict above is about training on this Mac",
        "evidence":[{"runtime":c["runtime"],"backend":c["backend"],"device":c["device"],"workload":c["workload"],"medianMs":c["medianMs"],"samplesPerSecond":c["samplesPerSecond"],"ratio":round(c["medianMs"]/cals[0]["medianMs"],2)} for c in cals[:3]],
        "workload":{"name":"cnn","epochs":50,"images":10000,"imgsz":640,"batch":16},
        "projection":[{"runtime":"native","backend":"djl","device":"mps","hours":6.1,"hoursLow":5.8,"hoursHigh":6.5},
                      {"runtime":"docker","backend":"djl","device":"cpu","hours":27.8*slow,"hoursLow":26.0*slow,"hoursHigh":29.9*slow}],
        "assumptions":["step time scales with pixels per image (640² vs 64²)","no data-loading bottleneck"]},
      "checks":checks,"summary":summary(checks),
      "stages":[{"name":"probe","status":"ok","millis":1840,"error":None},{"name":"native-djl","status":"ok","millis":14210,"error":None},
                {"name":"python","status":"ok","millis":9120,"error":None},{"name":"docker","status":"ok","millis":38950,"error":None},
                {"name":"recommend","status":"ok","millis":12,"error":None},{"name":"check","status":"ok","millis":31,"error":None}],
      "redaction":{"applied":False,"kinds":[]}}

def linux(toolkit=True, created="2026-11-21T16:02:47Z"):
    flops=2.87e9*3
    cals=[cal("native","python","cuda:0","cnn",32,64,3.9,0.05,flops,None),
          cal("native","djl","cpu","cnn",32,64,88.4,0.07,flops,32),
          cal("docker","djl","cpu","cnn",32,64,90.1,0.07,flops,32)]
    if toolkit: cals.append(cal("docker","python","cuda:0","cnn",32,64,4.0,0.05,flops,None))
    checks=[check("os.supported","Operating system is supported","error","pass","Ubuntu 22.04.4 LTS (x86_64)",None,"Linux kernel >= 5.4","6.5.0-41-generic"),
        check("cuda.driver","NVIDIA driver is recent","error","pass","driver 550.90.07 (CUDA 12.4)",None,">= 535","550.90.07"),
        check("python.torch","Python env has torch","error","pass","torch 2.3.1+cu121 with CUDA 12.1",None,">= 2.0","2.3.1+cu121"),
        check("accelerator.verified","An accelerator computes","error","pass","native cuda:0 verified (max abs error 3.1e-06)",None,"a GPU device verified","native/python/cuda:0"),
        check("docker.gpu","Containers reach the GPU","error","pass" if toolkit else "fail",
              "docker run --gpus all works" if toolkit else "docker: could not select device driver \"\" with capabilities: [[gpu]]",
              None if toolkit else "Install the NVIDIA Container Toolkit: sudo apt-get install -y nvidia-container-toolkit && sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker",
              "GPU visible in containers","nvidia" if toolkit else "none"),
        check("docker.group","User may run docker without sudo","warning","pass","dana is in the docker group",None,"docker group","docker"),
        check("disk.free","Free disk space for datasets","warning","pass","1.6 TiB free on /data",None,">= 50 GiB","1.6 TiB")]
    tail=[] if toolkit else ["docker: Error response from daemon: could not select device driver \"\" with capabilities: [[gpu]]."]
    return {
      "_fixture": NOTE,
      "schema":"envdoctor/report/v1","tool":{"name":"envdoctor","version":"0.1.0"},"createdAt":created,
      "host":{"os":{"family":"linux","name":"Ubuntu 22.04.4 LTS","version":"22.04","kernel":"6.5.0-41-generic","arch":"x86_64"},
        "cpu":{"model":"AMD Ryzen Threadripper PRO 5975WX 32-Cores","vendor":"AuthenticAMD","physicalCores":32,"logicalCores":64,"performanceCores":None,"efficiencyCores":None,"maxFrequencyHz":4562000000,"features":["avx2","fma","f16c","sha_ni"]},
        "memory":{"totalBytes":256*GIB,"availableBytes":231*GIB},
        "disks":[{"mount":"/","totalBytes":1967317549056,"freeBytes":1185410629632},{"mount":"/data","totalBytes":3937160380416,"freeBytes":1759218604441}],
        "gpus":[gpu("NVIDIA GeForce RTX 4090","NVIDIA",25757220864,"550.90.07","8.9",16384,cudaVersion="12.4",smClockMaxMhz=3105,memClockMaxMhz=10501,powerLimitW=450.0,temperatureC=41.0,eccEnabled=False,persistenceMode=True,pcieLink="Gen4 x16")],
        "power":{"onBattery":None,"lowPowerMode":None},"virtualization":{"vm":None,"container":None}},
      "jvm":{"version":"17.0.11","vendor":"Ubuntu","arch":"amd64","translated":False,"home":"/usr/lib/jvm/java-17-openjdk-amd64"},
      "python":{"executable":"/home/dana/miniconda3/envs/train/bin/python","version":"3.11.9","arch":"x86_64","venv":True,"found":"CONDA_PREFIX",
        "torch":{"version":"2.3.1+cu121","cuda":"12.1","mps":{"built":False,"available":False}},"diagnosis":None,"fix":None},
      "engines":[{"runtime":"native","name":"PyTorch","version":"0.36.0","libtorchVersion":"2.7.1","libraryPath":"/home/dana/.cache/envdoctor/pytorch/2.7.1-cpu-linux-x86_64","flavor":"cpu","diagnosis":None},
                 {"runtime":"docker","name":"PyTorch","version":"0.36.0","libtorchVersion":"2.7.1","libraryPath":"/opt/envdoctor/pytorch/2.7.1-cpu-linux-x86_64","flavor":"cpu","diagnosis":None}],
      "runtimes":[rt("native","native","ok",None,"Ubuntu 22.04.4 LTS","22.04","linux","x86_64",64,256*GIB,"cuda"),
        rt("docker","docker","ok","default","Docker Engine - Community","26.1.3","linux","x86_64",64,256*GIB,"nvidia" if toolkit else "none",
           None if toolkit else "The NVIDIA Container Toolkit is not installed: containers see no GPU",
           None if toolkit else "sudo apt-get install -y nvidia-container-toolkit && sudo nvidia-ctk runtime configure --runtime=docker",[]),
        rt("podman","podman","ok",None,"podman","4.9.3","linux","x86_64",64,256*GIB,"cdi" if toolkit else "none")],
      "devices":[dev("native","djl","cpu","AMD Ryzen Threadripper PRO 5975WX",True,0.0),
        dev("native","python","cuda:0","NVIDIA GeForce RTX 4090",True,3.1e-06),
        dev("docker","djl","cpu","x86_64 CPU in container",True,0.0),
        dev("docker","python","cuda:0","NVIDIA GeForce RTX 4090" if toolkit else None,toolkit,3.3e-06 if toolkit else None,
            diag=None if toolkit else "Docker has no GPU runtime: the NVIDIA Container Toolkit is missing",
            fix=None if toolkit else "sudo apt-get install -y nvidia-container-toolkit && sudo systemctl restart docker",tail=tail)],
      "calibrations":cals,
      "peaks":[peak(runtime="native",backend="python",device="cuda:0",test="matmul",dtype="bfloat16",achieved=148.2,unit="TFLOP/s",datasheetPeak=165.2,fractionOfPeak=0.9,diagnosis=None)],
      "recommendation":{"train":{"runtime":"docker" if toolkit else "native","backend":"python","device":"cuda:0"},
        "speedup":1.03 if toolkit else 22.7,"speedupCi95":[0.98,1.08] if toolkit else [21.1,24.3],
        "verdict":"Native and Docker are at parity on CUDA (no measurable difference): train in Docker for reproducibility" if toolkit else "Train natively on cuda:0: 22.7× faster than Docker (CPU only)",
        "reason":"The NVIDIA Container Toolkit gives containers the same GPU" if toolkit else "Docker has no GPU runtime: the NVIDIA Container Toolkit is missing",
        "deployment":"Ship the training image as built; it runs on this driver (550)",
        "evidence":[{"runtime":c["runtime"],"backend":c["backend"],"device":c["device"],"workload":c["workload"],"medianMs":c["medianMs"],"samplesPerSecond":c["samplesPerSecond"],"ratio":round(c["medianMs"]/cals[0]["medianMs"],2)} for c in cals],
        "workload":{"name":"cnn","epochs":50,"images":10000,"imgsz":640,"batch":16},
        "projection":[{"runtime":"native","backend":"python","device":"cuda:0","hours":0.57,"hoursLow":0.54,"hoursHigh":0.6}],
        "assumptions":["step time scales with pixels per image (640² vs 64²)"]},
      "checks":checks,"summary":summary(checks),
      "stages":[{"name":"probe","status":"ok","millis":1210,"error":None},{"name":"native-djl","status":"ok","millis":9840,"error":None},
                {"name":"python","status":"ok","millis":7410,"error":None},{"name":"docker","status":"ok","millis":41230,"error":None},
                {"name":"recommend","status":"ok","millis":9,"error":None},{"name":"check","status":"ok","millis":22,"error":None}],
      "redaction":{"applied":False,"kinds":[]}}

import pathlib
root=str(pathlib.Path(__file__).resolve().parents[1])
os.makedirs(root+"/reports",exist_ok=True); os.makedirs(root+"/compare",exist_ok=True)
def w(path,obj):
    with open(root+"/"+path,"w") as f: json.dump(obj,f,indent=2,ensure_ascii=False); f.write("\n")
w("reports/constructed-mac-docker-desktop.json",mac())
w("reports/constructed-linux-nvidia.json",linux())
random.seed(2)
w("compare/constructed-base-mac.json",mac())
w("compare/constructed-other-mac-small-vm.json",mac(docker_cpus=2,docker_mem=2*GIB,torch="2.2.2",slow=2.4,created="2026-11-24T11:40:19Z"))
random.seed(3)
w("compare/constructed-base-linux.json",linux())
w("compare/constructed-other-linux-no-toolkit.json",linux(toolkit=False,created="2026-11-24T18:22:05Z"))
