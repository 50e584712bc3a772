/**
 * AWS type tokens, grouped by what they are. Every token the provider (v7) still registers for the same thing
 * is listed (e.g. `aws:alb/*` beside `aws:lb/*`, the legacy `*V2` S3 types), checked against
 * `node_modules/@pulumi/aws/**` `__pulumiType`.
 */
export const AWS_TYPE = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    mainRouteTableAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    route: "aws:ec2/route:Route",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    sgIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    instance: "aws:ec2/instance:Instance",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    launchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
    ebsVolume: "aws:ebs/volume:Volume",
    ebsEncryptionByDefault: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    flowLog: "aws:ec2/flowLog:FlowLog",
    rdsInstance: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    rdsSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    cacheCluster: "aws:elasticache/cluster:Cluster",
    cacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheServerless: "aws:elasticache/serverlessCache:ServerlessCache",
    cacheSubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
    redshiftCluster: "aws:redshift/cluster:Cluster",
    redshiftSubnetGroup: "aws:redshift/subnetGroup:SubnetGroup",
    docdbCluster: "aws:docdb/cluster:Cluster",
    docdbClusterInstance: "aws:docdb/clusterInstance:ClusterInstance",
    docdbSubnetGroup: "aws:docdb/subnetGroup:SubnetGroup",
    neptuneCluster: "aws:neptune/cluster:Cluster",
    neptuneClusterInstance: "aws:neptune/clusterInstance:ClusterInstance",
    neptuneSubnetGroup: "aws:neptune/subnetGroup:SubnetGroup",
    memorydbCluster: "aws:memorydb/cluster:Cluster",
    memorydbSubnetGroup: "aws:memorydb/subnetGroup:SubnetGroup",
    opensearchDomain: "aws:opensearch/domain:Domain",
    elasticsearchDomain: "aws:elasticsearch/domain:Domain",
    sqsQueue: "aws:sqs/queue:Queue",
    snsTopic: "aws:sns/topic:Topic",
    efsFileSystem: "aws:efs/fileSystem:FileSystem",
    kinesisStream: "aws:kinesis/stream:Stream",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    dynamoTable: "aws:dynamodb/table:Table",
    secret: "aws:secretsmanager/secret:Secret",
    ecsService: "aws:ecs/service:Service",
    ecsCluster: "aws:ecs/cluster:Cluster",
    scalingTarget: "aws:appautoscaling/target:Target",
    scalingPolicy: "aws:appautoscaling/policy:Policy",
    asg: "aws:autoscaling/group:Group",
    asgPolicy: "aws:autoscaling/policy:Policy",
    iamPolicy: "aws:iam/policy:Policy",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    cloudfront: "aws:cloudfront/distribution:Distribution",
    ecrRepository: "aws:ecr/repository:Repository",
    ecrRegistryScanning: "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
    cloudtrail: "aws:cloudtrail/trail:Trail",
    dlmPolicy: "aws:dlm/lifecyclePolicy:LifecyclePolicy",
    backupSelection: "aws:backup/selection:Selection",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3AccountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
} as const;

export const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;
export const BUCKET_SSE = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
] as const;
export const BUCKET_ACL = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"] as const;
export const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"] as const;
export const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"] as const;
export const ROUTE_TABLES = [AWS_TYPE.routeTable, AWS_TYPE.defaultRouteTable] as const;
export const SECURITY_GROUPS = [AWS_TYPE.securityGroup, AWS_TYPE.defaultSecurityGroup] as const;
export const OPENSEARCH = [AWS_TYPE.opensearchDomain, AWS_TYPE.elasticsearchDomain] as const;
/** Resources that create EBS volumes. */
export const EBS_CARRIERS = [AWS_TYPE.ebsVolume, AWS_TYPE.instance, AWS_TYPE.launchTemplate, AWS_TYPE.launchConfiguration] as const;
export const IAM_INLINE_POLICIES = [AWS_TYPE.iamPolicy, AWS_TYPE.iamRolePolicy, AWS_TYPE.iamUserPolicy, AWS_TYPE.iamGroupPolicy] as const;
